package jp.mamori.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** SPEC §9: the matching core is plain Java, unit-testable without any framework. */
class MatchingIsPlainJavaTest {

    private final JavaClasses matching = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori.matching");

    @Test
    void noSpringTypes() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(matching);
    }

    @Test
    void versionSchemesKnowNothingOfCpeOsvOrPurl() {
        noClasses().that().resideInAPackage("jp.mamori.matching.version..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jp.mamori.matching.cpe..", "jp.mamori.matching.osv..", "jp.mamori.identifiers.purl..")
                .check(matching);
    }
}
