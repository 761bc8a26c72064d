package io.contractflow.signature.vendor;

import io.contractflow.signature.SignatureProvider.EnvelopeStatus;

/**
 * One verified event: its id at the vendor (applied once per provider) and the envelope's status it
 * tells of.
 */
public record VendorEvent(String eventId, EnvelopeStatus status) {}
