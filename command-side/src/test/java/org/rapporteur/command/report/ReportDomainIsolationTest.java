package org.rapporteur.command.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The report's rules depend on Axon and the shared contract only, never on Spring or the web. */
class ReportDomainIsolationTest {

  private final JavaClasses domain =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rapporteur.command.report");

  @Test
  void reportDomainIsFreeOfSpring() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(domain);
  }
}
