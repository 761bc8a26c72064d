/**
 * Retention (issue 21, part 4): how long a contract and its documents are kept after it expired or
 * was terminated, per contract type ({@link io.contractflow.retention.RetentionPolicies}); legal
 * holds that stop a deletion ({@link io.contractflow.retention.LegalHolds}); which contracts are
 * due ({@link io.contractflow.retention.ContractsDueForDeletion}); and the deletion of one contract
 * from every store of the platform ({@link io.contractflow.retention.ContractDeletion}). The
 * retention process ({@code processes/retention.bpmn}) and the engine's part of a deletion are the
 * workflow's ({@code workflow.retention}).
 */
package io.contractflow.retention;
