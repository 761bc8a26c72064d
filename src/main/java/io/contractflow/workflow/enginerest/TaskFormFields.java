package io.contractflow.workflow.enginerest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The variables a task's Camunda Form declares (its fields' keys, {@code processes/*.form}), found
 * through the task's {@code camunda:formRef}: all that completing the task through the engine's API
 * may set. A task without a Camunda Form declares none.
 */
@Component
class TaskFormFields {

  private final FormService forms;
  private final ObjectMapper json;

  TaskFormFields(FormService forms, ObjectMapper json) {
    this.forms = forms;
    this.json = json;
  }

  /** Top-level variable names the task's form sets; empty if it has no Camunda Form. */
  Set<String> of(Task task) {
    Set<String> names = new TreeSet<>();
    try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
      collect(json.readTree(form).path("components"), false, names);
    } catch (ProcessEngineException noForm) {
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void collect(JsonNode components, boolean nested, Set<String> names) {
    for (JsonNode component : components) {
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isEmpty()) {
        if (!nested) {
          names.add(firstSegment(path));
        }
        collect(component.path("components"), true, names);
        continue;
      }
      if (!key.isEmpty() && !"button".equals(component.path("type").asText())) {
        if (!nested) {
          names.add(firstSegment(key));
        }
      }
      collect(component.path("components"), nested, names);
    }
  }

  private static String firstSegment(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }
}
