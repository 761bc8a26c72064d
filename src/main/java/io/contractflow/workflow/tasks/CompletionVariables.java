package io.contractflow.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What a user who is not an administrator may hand the engine when finishing a task: the fields of
 * the task's form (its Camunda Form, {@code camunda:formRef}) and nothing else, whichever API asked
 * (Tasklist's submit-form, {@code /engine-rest}'s complete and resolve, {@code /api}). So a
 * reviewer completes with her decision and comment, but cannot set {@code rejected}, {@code
 * contractId}, {@code owner} or another task's decision on the way; with {@code TASK_WORK} (see
 * {@code TaskWorkPermission}) she cannot set variables any other way either. Throwing a BPMN error
 * or escalation from a user task is no step of anyone's work here: refused for non-administrators.
 *
 * <p>Runs inside the engine's command context (a post command interceptor), where the caller is
 * known.
 */
class CompletionVariables extends CommandInterceptor {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd
        || command instanceof SubmitTaskFormCmd
        || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd) {
      check(command);
    }
    return next.execute(command);
  }

  private void check(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    Authentication caller = context.getAuthentication();
    if (caller == null
        || caller.getUserId() == null
        || context.getAuthorizationManager().isCamundaAdmin(caller)) {
      return;
    }
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new AuthorizationException(
          "Only administrators may throw a BPMN error or escalation from a task");
    }
    Map<?, ?> submitted =
        (Map<?, ?>)
            field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    Set<String> allowed = formFields(context, (String) field(command, "taskId"));
    Set<String> refused = new TreeSet<>();
    submitted
        .keySet()
        .forEach(
            name -> {
              if (!allowed.contains(String.valueOf(name))) {
                refused.add(String.valueOf(name));
              }
            });
    if (!refused.isEmpty()) {
      throw new AuthorizationException(
          "Completing this task takes only the fields of its form "
              + new TreeSet<>(allowed)
              + "; not "
              + refused);
    }
  }

  /** The keys of the task's deployed Camunda Form; none if it has no deployed form. */
  static Set<String> formFields(CommandContext context, String taskId) {
    Set<String> keys = new TreeSet<>();
    if (taskId == null) {
      return keys;
    }
    try (InputStream form = context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
      collectKeys(JSON.readTree(form), keys);
    } catch (ProcessEngineException noDeployedForm) {
      return keys;
    } catch (IOException unreadable) {
      throw new ProcessEngineException("The task's form cannot be read", unreadable);
    }
    return keys;
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      JsonNode key = node.get("key");
      if (key != null && key.isTextual() && node.has("type")) {
        keys.add(key.asText());
      }
    }
    node.forEach(child -> collectKeys(child, keys));
  }

  private static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException unreadable) {
        throw new IllegalStateException(
            "Cannot read " + name + " of " + command.getClass().getName(), unreadable);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
