package io.contractflow.workflow.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.identity.Role;
import io.contractflow.workflow.expressions.FilterExpressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the shipped Tasklist filters ({@link ShippedTasklistFilters}) and who may read them in step
 * with the code, at every start and idempotently: a missing filter is created, a changed definition
 * is updated in place, a retired one is deleted, and each role group holds READ on exactly the
 * shipped filters meant for it.
 *
 * <p>Which filter is which is kept in the engine's own properties ({@code
 * contractflow.filter.<key>} = filter id), not in the filter: saving a filter in Tasklist rewrites
 * its name, owner and properties, while its id stays. The shipped filters belong to the code: an
 * admin's edit in Tasklist is undone at the next start, and a deleted one comes back. Users make
 * filters of their own for anything else; {@link FilterCreatorAuthorizationProvider} makes such a
 * filter readable by its creator.
 */
@Component
class TasklistFilters {

  /**
   * Engine property name prefix; the property's value is the id of the filter shipped under that
   * key.
   */
  static final String PROPERTY_PREFIX = "contractflow.filter.";

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final ManagementService managementService;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService,
      ManagementService managementService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.managementService = managementService;
  }

  /**
   * Engine property name prefix of the filters of deployed models' groups ({@link
   * DeployedGroupAccess}); the value is the filter's id. Kept apart from the shipped ones, which
   * would retire them.
   */
  static final String GROUP_PROPERTY_PREFIX = "contractflow.group-filter.";

  /**
   * A group's own filter, "Tasks for &lt;group&gt;": every task offered to the group, claimed or
   * not, readable by the group (contract admins, engine admins, see every filter). Created once; an
   * admin's later edit in Tasklist stays.
   */
  void ensureGroupFilter(String groupId, String groupName) {
    String property = GROUP_PROPERTY_PREFIX + groupId;
    String knownId = managementService.getProperties().get(property);
    String id = knownId;
    if (knownId == null || filterService.getFilter(knownId) == null) {
      Filter filter = filterService.newTaskFilter("Tasks for " + groupName);
      filter.setOwner(null);
      filter.setQuery(
          taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks());
      Map<String, Object> properties = new HashMap<>();
      properties.put("description", "Tasks offered to the group " + groupName);
      properties.put("priority", 0);
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", TasklistFilter.VARIABLES);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
      managementService.setProperty(property, filter.getId());
      id = filter.getId();
      log.info("Created the Tasklist filter of group '{}'", groupId);
    }
    // role groups other than the group itself hold no grant on it (earlier versions gave some)
    for (Role role : Role.values()) {
      if (!role.groupId().equals(groupId)) {
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(role.groupId())
            .resourceType(Resources.FILTER)
            .resourceId(id)
            .list()
            .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
      }
    }
    for (String reader : List.of(groupId)) {
      boolean granted =
          authorizationService
                  .createAuthorizationQuery()
                  .authorizationType(Authorization.AUTH_TYPE_GRANT)
                  .groupIdIn(reader)
                  .resourceType(Resources.FILTER)
                  .resourceId(id)
                  .count()
              > 0;
      if (!granted) {
        Authorization grant =
            authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(reader);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(id);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
      }
    }
  }

  /** Brings filters and their authorizations in line with {@link ShippedTasklistFilters#ALL}. */
  void ensureShippedFilters() {
    Map<String, String> shipped = shippedFilterIds();
    for (TasklistFilter definition : ShippedTasklistFilters.ALL) {
      String knownId = shipped.remove(definition.key());
      Filter filter = knownId == null ? null : filterService.getFilter(knownId);
      String id = filter == null ? create(definition) : updateIfChanged(filter, definition);
      shareWithReaders(id, definition);
    }
    shipped.forEach(
        (key, id) -> {
          if (filterService.getFilter(id) != null) {
            log.info("Deleting the retired Tasklist filter '{}'", key);
            filterService.deleteFilter(id);
          }
          managementService.deleteProperty(PROPERTY_PREFIX + key);
        });
    for (Role role : Role.values()) {
      mayCreateOwnFiltersOnly(role.groupId());
    }
    reportFiltersNotEvaluated();
  }

  /**
   * Filters with an expression no administrator saved (stored before that rule): the engine refuses
   * to run them.
   */
  private void reportFiltersNotEvaluated() {
    Map<String, String> properties = managementService.getProperties();
    for (Filter filter : filterService.createFilterQuery().list()) {
      if (FilterExpressions.containsExpression((FilterEntity) filter)
          && !properties.containsKey(FilterExpressions.TRUST_PREFIX + filter.getId())) {
        log.warn(
            "Tasklist filter '{}' ({}, owner {}) holds an expression that no administrator saved: it is not "
                + "evaluated until an administrator saves it again or the expression is removed",
            filter.getName(),
            filter.getId(),
            filter.getOwner());
      }
    }
  }

  /** Key to filter id of every filter shipped so far (including retired ones). */
  Map<String, String> shippedFilterIds() {
    Map<String, String> ids = new HashMap<>();
    managementService
        .getProperties()
        .forEach(
            (name, value) -> {
              if (name.startsWith(PROPERTY_PREFIX)) {
                ids.put(name.substring(PROPERTY_PREFIX.length()), value);
              }
            });
    return ids;
  }

  private String create(TasklistFilter definition) {
    Filter filter = filterService.newTaskFilter(definition.name());
    describe(filter, definition);
    filterService.saveFilter(filter);
    managementService.setProperty(PROPERTY_PREFIX + definition.key(), filter.getId());
    log.info("Created the Tasklist filter '{}'", definition.name());
    return filter.getId();
  }

  private String updateIfChanged(Filter filter, TasklistFilter definition) {
    FilterEntity wanted = (FilterEntity) filterService.newTaskFilter(definition.name());
    describe(wanted, definition);
    FilterEntity stored = (FilterEntity) filter;
    boolean same =
        Objects.equals(stored.getName(), wanted.getName())
            && stored.getOwner() == null
            && sameJson(stored.getQueryInternal(), wanted.getQueryInternal())
            && sameJson(stored.getPropertiesInternal(), wanted.getPropertiesInternal())
            // saved before filters' expressions were marked as an administrator's: saving it again
            // marks it
            && (!FilterExpressions.containsExpression(stored)
                || FilterExpressions.trusted(managementService, stored.getId()));
    if (!same) {
      describe(filter, definition);
      filterService.saveFilter(filter);
      log.info("Updated the Tasklist filter '{}'", definition.name());
    }
    return filter.getId();
  }

  private void describe(Filter filter, TasklistFilter definition) {
    filter.setName(definition.name());
    filter.setOwner(null);
    filter.setQuery(definition.criteria().apply(taskService.createTaskQuery()));
    filter.setProperties(definition.properties());
  }

  /**
   * The same JSON regardless of the order of object members (the engine stores properties as a hash
   * map).
   */
  private static boolean sameJson(String stored, String wanted) {
    try {
      return JSON.readTree(stored).equals(JSON.readTree(wanted));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * READ for the definition's role groups; other role groups lose any grant on it. Other groups are
   * left alone.
   */
  private void shareWithReaders(String filterId, TasklistFilter definition) {
    for (Role role : Role.values()) {
      List<Authorization> grants =
          authorizationService
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .groupIdIn(role.groupId())
              .resourceType(Resources.FILTER)
              .resourceId(filterId)
              .list();
      if (!definition.readableBy(role)) {
        grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
      } else if (grants.isEmpty()) {
        Authorization grant =
            authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(role.groupId());
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
      } else if (!grants.get(0).isPermissionGranted(Permissions.READ)) {
        grants.get(0).addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grants.get(0));
      }
    }
  }

  /**
   * On filters in general ({@code *}) a role group may create filters, but not read them all: that
   * would show everyone's filters to everyone. Earlier versions granted READ there; it is taken
   * back.
   */
  private void mayCreateOwnFiltersOnly(String groupId) {
    Authorization grant =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(Resources.FILTER)
            .resourceId(Authorization.ANY)
            .list()
            .stream()
            .findFirst()
            .orElseGet(
                () -> {
                  Authorization created =
                      authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                  created.setGroupId(groupId);
                  created.setResource(Resources.FILTER);
                  created.setResourceId(Authorization.ANY);
                  return created;
                });
    boolean asWanted =
        grant.getId() != null
            && grant.isPermissionGranted(Permissions.CREATE)
            && !grant.isPermissionGranted(Permissions.READ);
    if (!asWanted) {
      grant.removePermission(Permissions.READ);
      grant.addPermission(Permissions.CREATE);
      authorizationService.saveAuthorization(grant);
    }
  }
}
