package io.contractflow.audit;

/**
 * Whether a contract's audit trail is still as it was written, found by recomputing the chain from
 * its first entry.
 *
 * @param intact true if every entry is present, links to the one before and has the hash of its own
 *     fields
 * @param brokenAtSeq the first sequence number whose entry is missing, is not linked to the entry
 *     before it or does not match its hash; null when intact
 * @param entries how many entries the trail holds
 */
public record ChainVerification(boolean intact, Integer brokenAtSeq, long entries) {}
