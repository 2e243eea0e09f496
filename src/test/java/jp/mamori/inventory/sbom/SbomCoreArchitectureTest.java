package jp.mamori.inventory.sbom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** SPEC §9: the SBOM core is plain Java, usable and testable without Spring. */
class SbomCoreArchitectureTest {

    @Test
    void sbomIntakeAndScopeCheckUseNoSpringType() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.mamori.inventory.sbom", "jp.mamori.inventory.scope");
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
    }
}
