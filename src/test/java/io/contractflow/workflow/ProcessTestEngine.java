package io.contractflow.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The engine every process test runs on, so that a test states only its model ({@code @Deployment})
 * and its delegates:
 *
 * <pre>
 * &#64;Deployment(resources = "processes/contract-closure.bpmn")
 * class ClosureProcessTest {
 *   &#64;RegisterExtension
 *   static ProcessTestEngine engine = ProcessTestEngine.withDelegates("expireContract", "terminateContract");
 *   ...
 *   assertThat(engine.steps()).containsExactly("expireContract");
 * </pre>
 *
 * <p>It is the plain in-memory engine of {@code process-test.camunda.cfg.xml} (no Spring, no job
 * executor; the mock expression manager resolves {@code ${bean}} to what is registered here) with
 * process-test coverage, each test class required to cover 100 % of its models' flow nodes and
 * sequence flows (report under {@code target/process-test-coverage/}). Before each test the
 * delegates named here are registered as no-ops that record their name in {@link #steps()}; a test
 * registers delegates that need its own state with {@link #delegate(String, JavaDelegate)} or other
 * beans (task listeners) with {@link #bean(String, Object)} in its {@code @BeforeEach}. After each
 * test the beans, the steps, the engine's clock and the authenticated user are reset. Jobs are run
 * and the clock moved with {@link EngineSupport}.
 */
public final class ProcessTestEngine
    implements BeforeAllCallback,
        AfterAllCallback,
        TestInstancePostProcessor,
        BeforeEachCallback,
        BeforeTestExecutionCallback,
        AfterTestExecutionCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  private final ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(CONFIGURATION).assertClassCoverageAtLeast(1.0).build();
  private final List<String> recorded;
  private final List<String> steps = Collections.synchronizedList(new ArrayList<>());

  private ProcessTestEngine(List<String> recorded) {
    this.recorded = List.copyOf(recorded);
  }

  /** An engine whose tests register all their beans themselves. */
  public static ProcessTestEngine create() {
    return new ProcessTestEngine(List.of());
  }

  /**
   * An engine with these beans registered before each test as delegates that only record their
   * name.
   */
  public static ProcessTestEngine withDelegates(String... beanNames) {
    return new ProcessTestEngine(List.of(beanNames));
  }

  /**
   * Registers a delegate for this test; its name is recorded in {@link #steps()} before it runs.
   */
  public ProcessTestEngine delegate(String beanName, JavaDelegate delegate) {
    return bean(
        beanName,
        (JavaDelegate)
            execution -> {
              steps.add(beanName);
              delegate.execute(execution);
            });
  }

  /**
   * Registers any bean the models name (a task listener, a delegate that records nothing) for this
   * test.
   */
  public ProcessTestEngine bean(String beanName, Object bean) {
    Mocks.register(beanName, bean);
    return this;
  }

  /** The delegates run in this test, in order, by bean name. */
  public List<String> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    engine.beforeAll(context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    engine.postProcessTestInstance(testInstance, context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    for (String name : recorded) {
      delegate(name, execution -> {});
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    engine.beforeTestExecution(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    engine.afterTestExecution(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
    steps.clear();
    identityService().clearAuthentication();
    EngineSupport.resetClock();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    engine.afterAll(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return engine.supportsParameter(parameter, context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return engine.resolveParameter(parameter, context);
  }
}
