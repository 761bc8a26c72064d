package io.contractflow.workflow.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default authorizations, plus one for filters that Tasklist creates: Tasklist saves a
 * new filter without an owner, so the engine grants nobody anything on it and, with authorizations
 * on, its creator cannot see the filter they just made. Here the user who creates an ownerless
 * filter gets every permission on it, as an owner would.
 */
class FilterCreatorAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newFilter(Filter filter) {
    if (filter.getOwner() != null) {
      return super.newFilter(filter);
    }
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return null;
    }
    return new AuthorizationEntity[] {
      createGrantAuthorization(
          caller.getUserId(), null, Resources.FILTER, filter.getId(), Permissions.ALL)
    };
  }
}
