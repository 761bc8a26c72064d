package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.platform.error.FieldError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's check of submitted values against a task's form-js schema. */
class TaskFormTest {

  static final String SECURITY_FORM =
      """
      {"id": "security-review", "type": "default", "schemaVersion": 16, "components": [
        {"type": "text", "text": "### Security review"},
        {"key": "risk", "type": "radio", "validate": {"required": true},
         "values": [{"label": "Low", "value": "LOW"}, {"label": "High", "value": "HIGH"}]},
        {"key": "ticket", "type": "textfield", "validate": {"required": true, "pattern": "^SEC-[0-9]+$", "maxLength": 20}},
        {"key": "score", "type": "number", "validate": {"min": 0, "max": 10}},
        {"key": "pentested", "type": "checkbox"},
        {"key": "areas", "type": "checklist", "values": [{"label": "Data", "value": "data"}, {"label": "Network", "value": "network"}]},
        {"key": "reviewedOn", "type": "datetime", "subtype": "date"},
        {"key": "notes", "type": "textarea", "validate": {"minLength": 3}},
        {"type": "group", "components": [{"key": "contact", "type": "textfield", "validate": {"validationType": "email"}}]},
        {"key": "shown", "type": "textfield", "readonly": true}
      ]}
      """;

  private final TaskForm form = TaskForm.parse(SECURITY_FORM);

  private List<FieldError> errors(Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    form.check(values, errors);
    return errors;
  }

  @Test
  void readsTheInputFieldsAlsoInGroupsButNotReadOnlyOnes() {
    assertThat(form.keys())
        .containsExactly(
            "risk", "ticket", "score", "pentested", "areas", "reviewedOn", "notes", "contact");
  }

  @Test
  void namesEveryFieldAtFault() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("ticket", "JIRA-1");
    bad.put("score", 11);
    bad.put("pentested", "yes");
    bad.put("areas", List.of("data", "physical"));
    bad.put("reviewedOn", "yesterday");
    bad.put("notes", "ok");
    bad.put("contact", "not-an-address");
    bad.put("shown", "x");
    bad.put("extra", 1);

    assertThat(errors(bad))
        .extracting(FieldError::field, FieldError::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("risk", "is required"),
            org.assertj.core.groups.Tuple.tuple("ticket", "must match the pattern ^SEC-[0-9]+$"),
            org.assertj.core.groups.Tuple.tuple("score", "must be at most 10"),
            org.assertj.core.groups.Tuple.tuple("pentested", "must be true or false"),
            org.assertj.core.groups.Tuple.tuple("areas", "must hold only data, network"),
            org.assertj.core.groups.Tuple.tuple("reviewedOn", "must be a date (yyyy-mm-dd)"),
            org.assertj.core.groups.Tuple.tuple("notes", "must be at least 3 characters"),
            org.assertj.core.groups.Tuple.tuple("contact", "must be an email address"),
            org.assertj.core.groups.Tuple.tuple("shown", "is not asked by this task"),
            org.assertj.core.groups.Tuple.tuple("extra", "is not asked by this task"));
  }

  @Test
  void refusesAnOptionNotOfferedAndHiddenCharacters() {
    assertThat(errors(Map.of("risk", "MEDIUM", "ticket", "SEC-1\u202E")))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("risk", "ticket");
  }

  @Test
  void goodValuesBecomeVariablesWithDefaults() {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> variables =
        form.check(
            Map.of(
                "risk", "LOW",
                "ticket", "SEC-42",
                "score", 7,
                "areas", List.of("network"),
                "reviewedOn", "2026-12-07"),
            errors);

    assertThat(errors).isEmpty();
    assertThat(variables)
        .containsEntry("risk", "LOW")
        .containsEntry("ticket", "SEC-42")
        .containsEntry("score", 7L)
        .containsEntry("pentested", false)
        .containsEntry("areas", "[\"network\"]")
        .containsEntry("reviewedOn", "2026-12-07")
        .doesNotContainKey("notes");
  }

  @Test
  void theShippedFormsAskWhatTheKnownTasksSend() throws Exception {
    TaskForm review = TaskForm.parse(Files.readString(Path.of("processes/review-contract.form")));
    List<FieldError> errors = new ArrayList<>();
    review.check(Map.of("decision", "APPROVE", "comment", ""), errors);
    assertThat(errors).isEmpty();
    review.check(Map.of("decision", "MAYBE", "comment", ""), errors);
    assertThat(errors).extracting(FieldError::field).containsExactly("decision");

    TaskForm submit = TaskForm.parse(Files.readString(Path.of("processes/submit-draft.form")));
    assertThat(submit.keys()).containsExactlyInAnyOrder("nonStandardTerms", "comment");
    TaskForm renewal = TaskForm.parse(Files.readString(Path.of("processes/decide-renewal.form")));
    assertThat(renewal.keys()).containsExactlyInAnyOrder("renewalDecision", "comment");
  }
}
