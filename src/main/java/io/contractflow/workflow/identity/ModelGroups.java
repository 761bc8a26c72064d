package io.contractflow.workflow.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The candidate groups a model names: the literal {@code camunda:candidateGroups} of its user tasks
 * (an expression such as {@code ${approverGroup}} names none itself), and in a decision the string
 * literals of every output whose name ends in {@code Group} or {@code Groups} (the approval
 * matrix's {@code approverGroup}).
 */
final class ModelGroups {

  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern STRING_LITERAL = Pattern.compile("^\\s*\"([^\"]*)\"\\s*$");

  private ModelGroups() {}

  static Set<String> of(BpmnModelInstance model) {
    Set<String> groups = new TreeSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String named = task.getCamundaCandidateGroups();
      if (named != null && !named.contains("${") && !named.contains("#{")) {
        Arrays.stream(named.split(","))
            .map(String::strip)
            .filter(g -> GROUP_ID.matcher(g).matches())
            .forEach(groups::add);
      }
    }
    return groups;
  }

  static Set<String> of(DmnModelInstance model) {
    Set<String> groups = new TreeSet<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      var outputs = table.getOutputs().stream().toList();
      for (int i = 0; i < outputs.size(); i++) {
        if (!namesGroups(outputs.get(i))) {
          continue;
        }
        for (Rule rule : table.getRules()) {
          var entries = rule.getOutputEntries().stream().toList();
          if (i < entries.size()) {
            literal(entries.get(i)).ifPresent(groups::add);
          }
        }
      }
    }
    return groups;
  }

  private static boolean namesGroups(Output output) {
    String name = output.getName() == null ? "" : output.getName();
    return name.endsWith("Group") || name.endsWith("Groups");
  }

  private static java.util.Optional<String> literal(OutputEntry entry) {
    if (entry.getText() == null || entry.getText().getTextContent() == null) {
      return java.util.Optional.empty();
    }
    var matcher = STRING_LITERAL.matcher(entry.getText().getTextContent());
    return matcher.matches() && GROUP_ID.matcher(matcher.group(1)).matches()
        ? java.util.Optional.of(matcher.group(1))
        : java.util.Optional.empty();
  }
}
