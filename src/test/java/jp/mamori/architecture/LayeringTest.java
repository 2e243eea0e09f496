package jp.mamori.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ADR 0001 and ADR 0008: the pipeline's direction, no cycles, and a framework-free core. The edges
 * are named here; every other package — including one added tomorrow — is core by default and is
 * held to the core's rules without anyone remembering to list it.
 */
class LayeringTest {

    /** The only packages that may use Spring, Jakarta servlet APIs or picocli. */
    static final String[] EDGES = {"jp.mamori.cli..", "jp.mamori.web..", "jp.mamori.security.."};

    /**
     * Bottom to top: a layer may use the layers below it, never one above. Layers on one line are
     * peers and may not use each other.
     */
    static final List<String[]> PIPELINE = List.of(
            new String[] {"jp.mamori.identifiers..", "jp.mamori.memo..", "jp.mamori.intake..", "jp.mamori.persistence..", "jp.mamori.audit.."},
            new String[] {"jp.mamori.advisory.."},
            new String[] {"jp.mamori.inventory.."},
            new String[] {"jp.mamori.matching.."},
            new String[] {"jp.mamori.triage.."},
            new String[] {"jp.mamori.assessment.."},
            new String[] {"jp.mamori.notify.."},
            new String[] {"jp.mamori.remediation.."},
            new String[] {"jp.mamori.partners.."},
            new String[] {"jp.mamori.detection.."},
            new String[] {"jp.mamori.app.."},
            EDGES);

    /** What only the application layer builds: the front ends get them from {@code Mamori}. */
    static final java.util.regex.Pattern CORE_WIRING = java.util.regex.Pattern.compile(
            ".*(Repository|Store|Importer|Workflow|Service|Assessment|Assessor|Exporter|KnowledgeBase|Query|History|Notifier|Scheduler)");

    static boolean isCore(String pkg) {
        for (String edge : EDGES) if (pkg.startsWith(edge.substring(0, edge.length() - 2))) return false;
        return pkg.startsWith("jp.mamori.") && !pkg.startsWith("jp.mamori.app");
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori");

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("jp.mamori.(*)..").should().beFreeOfCycles()
                .because("a cycle between capabilities makes neither of them changeable alone (ADR 0008)")
                .check(MAIN);
    }

    @Test
    void subPackagesFormNoCycle() {
        slices().matching("jp.mamori.(*).(*)..").should().beFreeOfCycles()
                .because("inside a capability, too, parts depend one way (ADR 0008)")
                .check(MAIN);
    }

    @Test
    void thePipelineRunsOneWay() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (int i = 0; i < PIPELINE.size(); i++) layers = layers.layer("L" + i).definedBy(PIPELINE.get(i));
        for (int i = 0; i < PIPELINE.size() - 1; i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < PIPELINE.size(); j++) above.add("L" + j);
            layers = layers.whereLayer("L" + i).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers = layers.whereLayer("L" + (PIPELINE.size() - 1)).mayNotBeAccessedByAnyLayer();
        layers.because("feeds → knowledge base → matching → triage → remediation, with partners and detection beside it, "
                        + "the application layer above and the front ends on top (ADR 0008)")
                .check(MAIN);
    }

    @Test
    void theCoreDoesNotDependOnSpringOrPicocli() {
        noClasses().that().resideOutsideOfPackages(EDGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "picocli..")
                .because("the core and the application layer stay framework-free: every front end calls the same plain Java (ADR 0001)")
                .check(MAIN);
    }

    @Test
    void theCoreDoesNotDependOnJakartaEnterpriseApis() {
        noClasses().that().resideOutsideOfPackages(EDGES)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.validation..", "jakarta.persistence..",
                        "jakarta.inject..", "jakarta.annotation..", "jakarta.transaction..", "jakarta.ws..")
                .because("servlet, validation and injection belong to the edges; the core is plain Java (ADR 0001)")
                .check(MAIN);
    }

    @Test
    void onlyTheMailAdapterUsesJakartaMail() {
        noClasses().that().resideOutsideOfPackages("jp.mamori.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..")
                .because("the SMTP library is an adapter detail of notifications, not a dependency of the core (ADR 0008)")
                .check(MAIN);
    }

    @Test
    void frontEndsDoNotConstructTheCoresStoresOrRepositories() {
        noClasses().that().resideInAnyPackage("jp.mamori.cli..", "jp.mamori.web..")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a repository, store, importer or workflow of the core",
                                t -> isCore(t.getOwner().getPackageName()) && CORE_WIRING.matcher(t.getOwner().getSimpleName()).matches())))
                .because("front ends parse, call a use case of jp.mamori.app and render; the application layer wires the core once (ADR 0008)")
                .check(MAIN);
    }

    @Test
    void frontEndsDoNotConstructAnyRepositoryOrStoreEvenAtTheSecurityEdge() {
        noClasses().that().resideInAnyPackage("jp.mamori.cli..", "jp.mamori.web..")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a constructor of a jp.mamori *Repository or *Store",
                                t -> t.getOwner().getPackageName().startsWith("jp.mamori.")
                                        && t.getOwner().getSimpleName().matches(".*(Repository|Store)"))))
                .because("a store built by a front end is a second copy with its own audit log and settings: accounts and "
                        + "tokens, too, come from the composition root (Mamori, and security.Accounts over it), built once (issue 11)")
                .check(MAIN);
    }

    @Test
    void theBenchmarkIsNotPartOfTheProduct() {
        // The benchmark measures the core's parts one by one on purpose; it lives in src/bench/java,
        // compiled with the tests and shipped as target/mamori-bench.jar (ADR 0019).
        noClasses().should().resideInAPackage("jp.mamori.bench..")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams.test..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.streams.TopologyTestDriver")
                .because("benchmark code and test libraries stay out of the product jar (ADR 0019)")
                .check(MAIN);
    }
}
