package io.contractflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house that the build enforces: features ({@code io.contractflow.<feature>}) form no cycle,
 * {@code platform} knows no feature, and only {@code workflow} (and the application class that switches the
 * engine on) imports the engine, so that it stays replaceable.
 */
class ModuleRulesTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.contractflow");
  }

  @Test
  void featuresFormNoCycle() {
    noCycleBetween("io.contractflow.(*)..").check(main);
  }

  @Test
  void theCycleRuleFindsACycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.contractflow.architecture.fixture");
    assertThatThrownBy(() -> noCycleBetween("io.contractflow.architecture.fixture.(*)..").check(fixture))
        .isInstanceOf(AssertionError.class).hasMessageContaining("alpha").hasMessageContaining("beta");
  }

  private static ArchRule noCycleBetween(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles();
  }

  @Test
  void platformKnowsNoFeature() {
    noClasses().that().resideInAPackage("io.contractflow.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("io.contractflow.contract..",
            "io.contractflow.counterparty..", "io.contractflow.document..", "io.contractflow.template..",
            "io.contractflow.signature..", "io.contractflow.notification..", "io.contractflow.audit..",
            "io.contractflow.search..", "io.contractflow.identity..", "io.contractflow.workflow..")
        .check(main);
  }

  @Test
  void onlyWorkflowImportsTheEngine() {
    noClasses().that().resideOutsideOfPackages("io.contractflow.workflow..")
        .and().doNotHaveFullyQualifiedName("io.contractflow.ContractFlowApplication")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(main);
  }
}
