package io.contractflow.workflow.expressions;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;

/**
 * The engine's filter store, with the rule that only administrators write expressions (see {@link
 * FilterExpressions}). Every save of a filter passes here, whichever API asked (Java, {@code
 * /engine-rest}, the webapps' API), and so does every execution of one (list, count, single
 * result):
 *
 * <ul>
 *   <li>a save with an expression by anyone but an administrator (or the platform, with nobody
 *       signed in) is refused with an {@link AuthorizationException}; an accepted one marks the
 *       filter as evaluable, a save without expressions removes the mark;
 *   <li>executing a filter whose expressions carry no mark is refused, before anything is
 *       evaluated;
 *   <li>deleting a filter removes its mark.
 * </ul>
 */
class GuardedFilterManager extends FilterManager {

  static final String REFUSED_SAVE =
      "Only administrators may save a filter with an expression (${...} or #{...})";
  static final String REFUSED_EXECUTION =
      "This filter holds an expression that no administrator saved; it is not evaluated. An administrator may save "
          + "it again, or its owner may remove the expression";

  @Override
  public Filter insertOrUpdateFilter(Filter filter) {
    FilterEntity entity = (FilterEntity) filter;
    boolean expressions = FilterExpressions.containsExpression(entity);
    String savedBy = savedBy();
    if (expressions && savedBy == null) {
      throw new ExpressionRefusedException(REFUSED_SAVE);
    }
    Filter saved = super.insertOrUpdateFilter(filter);
    String property = FilterExpressions.trustProperty(saved.getId());
    PropertyEntity mark = getDbEntityManager().selectById(PropertyEntity.class, property);
    if (expressions && mark == null) {
      getDbEntityManager().insert(new PropertyEntity(property, savedBy));
    } else if (expressions) {
      mark.setValue(savedBy);
    } else if (mark != null) {
      getDbEntityManager().delete(mark);
    }
    return saved;
  }

  /**
   * Who may write an expression here: an administrator's id, "platform" when nobody is signed in;
   * else null.
   */
  private String savedBy() {
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return "platform";
    }
    return getAuthorizationManager().isCamundaAdmin(caller) ? caller.getUserId() : null;
  }

  @Override
  public FilterEntity findFilterById(String filterId) {
    FilterEntity filter = super.findFilterById(filterId);
    if (filter != null
        && executing()
        && FilterExpressions.containsExpression(filter)
        && getDbEntityManager()
                .selectById(PropertyEntity.class, FilterExpressions.trustProperty(filterId))
            == null) {
      throw new ExpressionRefusedException(REFUSED_EXECUTION);
    }
    return filter;
  }

  private static boolean executing() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation == null || invocation.getCommand() instanceof AbstractExecuteFilterCmd;
  }

  @Override
  public void deleteFilter(String filterId) {
    super.deleteFilter(filterId);
    PropertyEntity mark =
        getDbEntityManager()
            .selectById(PropertyEntity.class, FilterExpressions.trustProperty(filterId));
    if (mark != null) {
      getDbEntityManager().delete(mark);
    }
  }
}
