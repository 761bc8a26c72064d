package io.contractflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.contractflow.platform.web.ApiException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpFilter;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rules of the house that the build enforces: features ({@code io.contractflow.<feature>}) form
 * no cycle, {@code platform} knows no feature, and only {@code workflow} imports the engine, so
 * that it stays replaceable; services throw the domain's refusals ({@code platform.error}) and only
 * the web layer speaks HTTP's {@link ApiException}.
 */
class ModuleRulesTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.contractflow");
  }

  @Test
  void featuresFormNoCycle() {
    noCycleBetween("io.contractflow.(*)..").check(main);
  }

  @Test
  void theCycleRuleFindsACycle() {
    JavaClasses fixture =
        new ClassFileImporter().importPackages("io.contractflow.architecture.fixture");
    assertThatThrownBy(
            () -> noCycleBetween("io.contractflow.architecture.fixture.(*)..").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("beta");
  }

  private static ArchRule noCycleBetween(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles();
  }

  @Test
  void platformKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.contractflow.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.contractflow.contract..",
            "io.contractflow.counterparty..",
            "io.contractflow.document..",
            "io.contractflow.template..",
            "io.contractflow.signature..",
            "io.contractflow.notification..",
            "io.contractflow.audit..",
            "io.contractflow.search..",
            "io.contractflow.identity..",
            "io.contractflow.workflow..")
        .check(main);
  }

  @Test
  void onlyWorkflowImportsTheEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.contractflow.workflow..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .check(main);
  }

  /**
   * Web classes: controllers and controller advice, servlet filters, and {@code platform.web}; a
   * nested class counts as its outermost class. Known by name: Spring's and the servlet API's
   * classes are not imported ({@code archunit.properties}), so their meta-annotations and
   * hierarchies are not resolved.
   */
  static final DescribedPredicate<JavaClass> WEB =
      DescribedPredicate.describe(
          "web classes (controllers, controller advice, servlet filters, platform.web)",
          ModuleRulesTest::isWeb);

  private static boolean isWeb(JavaClass javaClass) {
    JavaClass outer = javaClass;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer.getPackageName().startsWith("io.contractflow.platform.web")
        || WEB_ANNOTATIONS.stream().anyMatch(outer::isAnnotatedWith)
        || Stream.concat(
                outer.getAllRawSuperclasses().stream(), outer.getAllRawInterfaces().stream())
            .anyMatch(type -> FILTER_TYPES.contains(type.getName()));
  }

  private static final List<Class<? extends Annotation>> WEB_ANNOTATIONS =
      List.of(
          RestController.class,
          Controller.class,
          RestControllerAdvice.class,
          ControllerAdvice.class);
  private static final Set<String> FILTER_TYPES =
      Set.of(
          Filter.class.getName(),
          HttpFilter.class.getName(),
          GenericFilterBean.class.getName(),
          OncePerRequestFilter.class.getName());

  @Test
  void onlyTheWebLayerUsesApiException() {
    onlyWebUsesApiException().check(main);
  }

  @Test
  void theApiExceptionRuleFindsAServiceThatThrowsIt() {
    JavaClasses fixture =
        new ClassFileImporter().importPackages("io.contractflow.architecture.fixture.gamma");
    assertThatThrownBy(() -> onlyWebUsesApiException().check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RefusingService");
  }

  private static ArchRule onlyWebUsesApiException() {
    return noClasses()
        .that(DescribedPredicate.not(WEB))
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ApiException.class)
        .because(
            "services throw a refusal of platform.error, which the web layer maps to a problem");
  }
}
