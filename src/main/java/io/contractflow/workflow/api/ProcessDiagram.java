package io.contractflow.workflow.api;

import java.util.List;

/**
 * One model of a contract's lifecycle as a diagram can draw it: the BPMN XML of the exact version
 * the contract runs, the steps it waits at now and the steps it has passed.
 *
 * @param processDefinitionKey the model's id, e.g. {@code contract-review}
 * @param name the model's name
 * @param version the deployed version the contract runs
 * @param running whether this instance still runs
 * @param activeActivityIds the BPMN element ids it waits at
 * @param completedActivityIds the BPMN element ids it has passed (each once)
 * @param bpmnXml the model, for a viewer such as bpmn-js
 */
public record ProcessDiagram(
    String processDefinitionKey,
    String name,
    int version,
    boolean running,
    List<String> activeActivityIds,
    List<String> completedActivityIds,
    String bpmnXml) {

  /** A contract's models from the outermost (the lifecycle) to the phase it is in now. */
  public record Path(List<ProcessDiagram> diagrams) {}
}
