package io.contractflow.document;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the one transaction that stored the versions generated from a template (the
 * DOCX, then the PDF, which is current).
 */
public record DocumentsGenerated(
    UUID contractId, String template, List<DocumentVersionResponse> versions, String by) {}
