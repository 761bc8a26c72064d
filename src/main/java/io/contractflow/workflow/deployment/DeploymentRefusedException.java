package io.contractflow.workflow.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the checks refused ({@link ModelCheck}): every problem, in the message (a numbered
 * list) and per resource as the engine reports a model it cannot parse, so {@code
 * /engine-rest/deployment/create} answers 400 with the same {@code details} as for a parse error.
 */
public class DeploymentRefusedException extends ParseException {

  private final transient List<ModelCheck.Problem> problems;

  public DeploymentRefusedException(List<ModelCheck.Problem> problems) {
    super(
        "The deployment is refused: "
            + problems.size()
            + (problems.size() == 1 ? " problem: " : " problems: ")
            + ModelCheck.describe(problems),
        problems.get(0).resource(),
        List.of(),
        List.of());
    this.problems = List.copyOf(problems);
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (ModelCheck.Problem problem : problems) {
      byResource
          .computeIfAbsent(problem.resource(), resource -> new ArrayList<>())
          .add(new Found(problem));
    }
    List<ResourceReport> reports = new ArrayList<>();
    byResource.forEach((resource, errors) -> reports.add(new Report(resource, errors)));
    this.resorceReports = reports;
  }

  public List<ModelCheck.Problem> problems() {
    return problems;
  }

  private record Found(ModelCheck.Problem problem) implements Problem {
    @Override
    public String getMessage() {
      return problem.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return problem.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }

  private record Report(String resource, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
