package jp.mamori.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The triage core is plain Java (SPEC §9): no framework types, and no reaching into the edges. */
class TriageArchitectureTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori.triage");

    @Test
    void coreUsesNoSpringType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(core);
    }

    @Test
    void coreDoesNotDependOnWebCliOrPersistence() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jp.mamori.web..", "jp.mamori.cli..", "jp.mamori.remediation..", "java.sql..", "javax.sql..")
                .check(core);
    }
}
