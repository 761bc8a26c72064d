package io.contractflow.template;

import io.contractflow.document.DocumentVersionResponse;

/**
 * The two versions a generation stores: the filled Word document, then its PDF (the current
 * version).
 */
record GeneratedDocuments(
    String template, DocumentVersionResponse docx, DocumentVersionResponse pdf) {}
