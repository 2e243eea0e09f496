package jp.mamori.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The audit trail is plain Java (ADR 0001): the CLI and every capability can write to it without Spring. */
class AuditIsPlainJavaTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori");

    @Test
    void auditDependsOnNeitherSpringNorTheEdges() {
        noClasses().that().resideInAPackage("jp.mamori.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jp.mamori.web..", "jp.mamori.cli..",
                        "jp.mamori.security..")
                .check(MAIN);
    }

    @Test
    void theAccountAndTokenStoresAndScopesNeedNoSpringContainer() {
        noClasses().that().haveFullyQualifiedName("jp.mamori.security.AccessScope")
                .or().haveFullyQualifiedName("jp.mamori.security.UserStore")
                .or().haveFullyQualifiedName("jp.mamori.security.ApiTokenStore")
                .or().haveFullyQualifiedName("jp.mamori.security.Role")
                .or().haveFullyQualifiedName("jp.mamori.security.Totp")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.context..", "org.springframework.beans..",
                        "org.springframework.web..", "org.springframework.stereotype..", "jakarta.servlet..")
                .because("the CLI uses them without starting Spring (only spring-security-crypto's bcrypt is used)")
                .check(MAIN);
    }
}
