package org.rapporteur.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReportEvent;

/**
 * The module boundaries the house style names: the contract depends on nothing, the two sides
 * never on each other, the report's rules never on Spring; events are facts in the past tense and
 * commands are imperatives. Checked here because this module sees every class of the product.
 */
class ArchitectureTest {

  /**
   * Past participles that do not end in "ed". An event's name ends in a participle ("Revised",
   * "Withdrawn"); one not in this list and not ending in "ed" is most likely a present tense or a
   * noun. A new irregular fact joins the list deliberately.
   */
  private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("Withdrawn", "Held", "Made", "Taken", "Written", "Given");

  /**
   * Phrases that may follow the participle to say how the fact happened, as API.md 1.1 names them
   * ("ParagraphAdoptedInSession", "ReportAdoptedAdReferendum"). A new one joins deliberately.
   */
  private static final Set<String> QUALIFIERS = Set.of("InSession", "AdReferendum");

  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rapporteur");

  @Test
  void theSharedContractDependsOnNoOtherModuleAndNoFramework() {
    noClasses()
        .that().resideInAPackage("org.rapporteur.shared..")
        .should().dependOnClassesThat(
            DescribedPredicate.describe(
                "are of another Rapporteur module",
                (JavaClass c) -> c.getPackageName().startsWith("org.rapporteur.")
                    && !c.getPackageName().startsWith("org.rapporteur.shared")))
        .orShould().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.axonframework..", "org.apache.kafka..", "jakarta.persistence..",
            "javax.persistence..", "org.hibernate..")
        .check(PRODUCT);
  }

  @Test
  void theCommandSideNeverDependsOnTheQuerySide() {
    noClasses().that().resideInAPackage("org.rapporteur.command..")
        .should().dependOnClassesThat().resideInAPackage("org.rapporteur.query..")
        .check(PRODUCT);
  }

  @Test
  void theQuerySideNeverDependsOnTheCommandSide() {
    noClasses().that().resideInAPackage("org.rapporteur.query..")
        .should().dependOnClassesThat().resideInAPackage("org.rapporteur.command..")
        .check(PRODUCT);
  }

  @Test
  void theReportDomainIsFreeOfSpring() {
    noClasses().that().resideInAPackage("org.rapporteur.command.report..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .check(PRODUCT);
  }

  @Test
  void everyEventIsNamedForAFactInThePastTense() {
    classes().that().implement(ReportEvent.class).and().areRecords()
        .should(new ArchCondition<JavaClass>("be named with a past participle last") {
          @Override
          public void check(JavaClass event, ConditionEvents events) {
            String name = event.getSimpleName();
            for (String qualifier : QUALIFIERS) {
              if (name.endsWith(qualifier) && name.length() > qualifier.length()) {
                name = name.substring(0, name.length() - qualifier.length());
              }
            }
            String last = lastWord(name);
            boolean past = last.endsWith("ed") || IRREGULAR_PARTICIPLES.contains(last);
            events.add(new SimpleConditionEvent(event, past, event.getSimpleName() + " ends in '" + last + "'"));
          }
        })
        .check(PRODUCT);
  }

  @Test
  void noCommandIsNamedInThePastTense() {
    classes().that().implement(ReportCommand.class).and().areRecords()
        .should().haveSimpleNameNotEndingWith("ed")
        .check(PRODUCT);
  }

  /** The last word of a CamelCase name: "AgendaItemWithdrawn" gives "Withdrawn". */
  private static String lastWord(String name) {
    int i = name.length() - 1;
    while (i > 0 && !Character.isUpperCase(name.charAt(i))) {
      i--;
    }
    return name.substring(i);
  }
}
