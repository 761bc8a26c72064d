package io.contractflow.workflow.identity;

import io.contractflow.security.SecurityLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Writes every change to who may do what in the engine (users, groups, group and tenant
 * memberships, authorizations: Camunda Admin, {@code /engine-rest}, our own code) to the security
 * log. The engine reports them as admin entries of its user operation log, one per changed property
 * (a membership: its user, and its group), each handed over on its own; each becomes one event.
 * Changes made while nobody is signed in (our own start-up) are not reported by the engine.
 *
 * <p>Each reported change also makes this node forget the HTTP Basic passwords it remembered
 * ({@link CheckedPasswords}), so a changed password, a removed user or changed groups apply to the
 * next request, not only when the remembered check expires.
 */
class IdentityChangeLog implements HistoryEventHandler {

  private static final Set<String> IDENTITY =
      Set.of(
          EntityTypes.USER,
          EntityTypes.GROUP,
          EntityTypes.GROUP_MEMBERSHIP,
          EntityTypes.TENANT,
          EntityTypes.TENANT_MEMBERSHIP,
          EntityTypes.AUTHORIZATION);

  private final SecurityLog securityLog;
  private final Runnable identityChanged;

  /**
   * @param identityChanged told of every batch of events that changed users, groups, memberships or
   *     authorizations
   */
  IdentityChangeLog(SecurityLog securityLog, Runnable identityChanged) {
    this.securityLog = securityLog;
    this.identityChanged = identityChanged;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    handleEvents(List.of(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (HistoryEvent event : events) {
      if (event instanceof UserOperationLogEntryEventEntity entry
          && UserOperationLogEntry.CATEGORY_ADMIN.equals(entry.getCategory())
          && IDENTITY.contains(entry.getEntityType())) {
        String id = entry.getOperationId() + "/" + entry.getEntityType();
        Operation operation =
            operations.computeIfAbsent(
                id,
                k ->
                    new Operation(
                        entry.getUserId(),
                        entry.getOperationType(),
                        entry.getEntityType(),
                        new LinkedHashMap<>()));
        if (entry.getProperty() != null) {
          String value = entry.getNewValue() != null ? entry.getNewValue() : entry.getOrgValue();
          operation.changes().put(entry.getProperty(), value == null ? "" : value);
        }
      }
    }
    if (!operations.isEmpty()) {
      identityChanged.run();
    }
    operations
        .values()
        .forEach(
            op -> securityLog.identityChanged(op.actor(), op.type(), op.entity(), op.changes()));
  }

  private record Operation(String actor, String type, String entity, Map<String, String> changes) {}
}
