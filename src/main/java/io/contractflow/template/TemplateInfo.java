package io.contractflow.template;

import java.util.List;

/**
 * A template as the API lists it: the placeholders it uses and the variables a generation must
 * supply.
 */
record TemplateInfo(
    String key,
    String name,
    String description,
    List<String> placeholders,
    List<String> clauses,
    List<String> variables,
    String docxUrl) {}
