package io.contractflow.workflow.deployment;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives a service task placed from one of the platform's element templates the platform's retry
 * cycle when the model sets none of its own: Modeler's templates can make a step asynchronous but
 * cannot set {@code camunda:failedJobRetryTimeCycle}.
 */
final class TemplatedStepRetries extends AbstractBpmnParseListener {

  private final String cycle;

  TemplatedStepRetries(String cycle) {
    this.cycle = cycle;
  }

  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    String template = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "modelerTemplate");
    if (template != null
        && template.startsWith(ElementTemplates.PREFIX)
        && activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION)
            == null) {
      activity
          .getProperties()
          .set(
              DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
              new FailedJobRetryConfiguration(
                  Context.getProcessEngineConfiguration()
                      .getExpressionManager()
                      .createExpression(cycle)));
    }
  }
}
