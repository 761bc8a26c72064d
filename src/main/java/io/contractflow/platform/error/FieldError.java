package io.contractflow.platform.error;

/**
 * One invalid field of a request: its JSON path (e.g. {@code value.amount}) and what is wrong with
 * it.
 */
public record FieldError(String field, String message) {}
