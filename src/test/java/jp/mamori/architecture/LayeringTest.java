package jp.mamori.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ADR 0001: the core (knowledge base, inventory, matching, triage, remediation) is plain Java. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori");

    @Test
    void theCoreDoesNotDependOnSpring() {
        noClasses().that().resideInAnyPackage("jp.mamori.advisory..", "jp.mamori.inventory..", "jp.mamori.matching..",
                        "jp.mamori.triage..", "jp.mamori.remediation..", "jp.mamori.persistence..", "jp.mamori.assessment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("the core stays framework-free (ADR 0001)")
                .check(MAIN);
    }

    @Test
    void theCoreDoesNotReachIntoTheEdges() {
        noClasses().that().resideInAnyPackage("jp.mamori.advisory..", "jp.mamori.inventory..", "jp.mamori.matching..",
                        "jp.mamori.triage..", "jp.mamori.remediation..", "jp.mamori.assessment..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.mamori.web..", "jp.mamori.cli..", "jp.mamori.security..")
                .check(MAIN);
    }
}
