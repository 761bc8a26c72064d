package io.contractflow.audit;

import io.contractflow.document.CurrentDocumentChosen;
import io.contractflow.document.DocumentVersionAdded;
import io.contractflow.document.DocumentVersionResponse;
import io.contractflow.document.DocumentsGenerated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to a contract's document into its trail, in the transaction that stored the
 * version or chose the current one: an upload (or the sealed PDF a lifecycle step stores), a
 * generation from a template (its versions in one entry), an earlier version made current again.
 */
@Component
class DocumentEventsRecorder {

  private final AuditTrail trail;

  DocumentEventsRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void onAdded(DocumentVersionAdded event) {
    DocumentVersionResponse v = event.version();
    trail.recordFitted(
        event.contractId(),
        v.uploadedBy(),
        AuditKinds.DOCUMENT,
        "Version "
            + v.version()
            + " ("
            + v.fileName()
            + ", "
            + v.size()
            + " bytes) added by "
            + v.uploadedBy(),
        facts(v));
  }

  @EventListener
  void onGenerated(DocumentsGenerated event) {
    List<String> versions =
        event.versions().stream()
            .map(
                v ->
                    "version "
                        + v.version()
                        + " ("
                        + v.fileName()
                        + (v.current() ? ", current" : "")
                        + ")")
            .toList();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("template", event.template());
    details.put("versions", event.versions().stream().map(DocumentEventsRecorder::facts).toList());
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.DOCUMENT_GENERATED,
        "Generated from template "
            + event.template()
            + " by "
            + event.by()
            + ": "
            + String.join(" and ", versions),
        details);
  }

  @EventListener
  void onCurrentChosen(CurrentDocumentChosen event) {
    DocumentVersionResponse v = event.current();
    Map<String, Object> details = facts(v);
    details.put("previous", event.previous());
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.DOCUMENT_CURRENT,
        "Version "
            + v.version()
            + " ("
            + v.fileName()
            + ") made current by "
            + event.by()
            + (event.previous() == null ? "" : " (was version " + event.previous() + ")"),
        details);
  }

  private static Map<String, Object> facts(DocumentVersionResponse v) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("version", v.version());
    facts.put("versionId", v.id());
    facts.put("fileName", v.fileName());
    facts.put("mediaType", v.mediaType());
    facts.put("size", v.size());
    facts.put("sha256", v.sha256());
    return facts;
  }
}
