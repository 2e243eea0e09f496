package jp.mamori.inventory.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.DependencyEdge;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.TestSboms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SbomScopeCheckTest {

    @ParameterizedTest
    @CsvSource({"3A, FULL", "3B, FULL", "3C, STANDARD", "2, STANDARD", "1, MINIMAL", "３ａ, FULL", " 3c , STANDARD"})
    void requiredTierFollowsConfidentiality(String confidentiality, Tier tier) {
        assertThat(SbomScopeCheck.requiredFor(confidentiality)).isEqualTo(tier);
    }

    @Test
    void unknownConfidentialityIsRefused() {
        assertThatThrownBy(() -> SbomScopeCheck.requiredFor("4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3A, 3B, 3C, 2 or 1");
        assertThatThrownBy(() -> SbomScopeCheck.requiredFor(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAndExamplesPerCriterion() {
        List<Component> cs = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            boolean identified = i < 1234;
            cs.add(new Component("c" + i, null, "library", null, "lib" + i, "1.0", "ACME",
                    identified ? "pkg:npm/lib" + i + "@1.0" : null, null, Map.of(), List.of(), null,
                    IdentifierOrigin.DECLARED, true));
        }
        ScopeReport r = SbomScopeCheck.check(doc(cs, List.of()), Tier.STANDARD);

        CriterionResult ids = result(r, Criterion.IDENTIFIER);
        assertThat(ids.met()).isFalse();
        assertThat(ids.satisfied()).isEqualTo(1234);
        assertThat(ids.total()).isEqualTo(1300);
        assertThat(ids.missingExamples()).containsExactly("lib1234", "lib1235", "lib1236", "lib1237", "lib1238");
        assertThat(ids.summaryEn()).isEqualTo("1,234 of 1,300 components have a purl or CPE");
        assertThat(ids.summaryJa()).isEqualTo("1,300 件中 1,234 件のコンポーネントに purl または CPE があります");

        assertThat(result(r, Criterion.TOP_LEVEL_SUPPLIER).met()).isTrue();
        assertThat(r.achieved()).contains(Tier.MINIMAL);
        assertThat(r.meetsRequired()).isFalse();
        assertThat(r.gaps()).extracting(CriterionResult::criterion).containsExactly(Criterion.IDENTIFIER);
    }

    @Test
    void handWrittenCycloneDxReachesMinimalOnly() throws Exception {
        // log4j-api (top level through the product's dependsOn) and vendor-blob have no supplier
        ScopeReport r = SbomScopeCheck.check(TestSboms.read("cyclonedx-1.6.json"), Tier.MINIMAL);
        assertThat(r.achieved()).isEmpty();
        assertThat(result(r, Criterion.TOP_LEVEL_NAME).met()).isTrue();
        CriterionResult supplier = result(r, Criterion.TOP_LEVEL_SUPPLIER);
        assertThat(supplier.summaryEn()).isEqualTo("2 of 4 top-level components have a supplier");
        assertThat(supplier.missingExamples()).containsExactly("org.apache.logging.log4j:log4j-api", "vendor-blob");
        assertThat(result(r, Criterion.DEPENDENCIES).missingExamples()).containsExactly("shaded-util", "vendor-blob");
        assertThat(result(r, Criterion.LICENSES).satisfied()).isEqualTo(2);
    }

    @Test
    void completeSbomReachesFull() {
        Component a = full("a", true);
        Component b = full("b", false);
        ScopeReport r = SbomScopeCheck.check(doc(List.of(a, b), List.of(new DependencyEdge("a", "b"))), Tier.FULL);
        assertThat(r.criteria()).allMatch(CriterionResult::met);
        assertThat(r.achieved()).contains(Tier.FULL);
        assertThat(r.meetsRequired()).isTrue();
        assertThat(r.gaps()).isEmpty();
    }

    @Test
    void tiersAreCumulative() {
        // everything FULL asks for, but no supplier on the top-level component: not even MINIMAL
        Component a = new Component("a", null, "library", null, "a", "1", null, "pkg:npm/a@1", null,
                Map.of("SHA-256", "00"), List.of("MIT"), null, IdentifierOrigin.DECLARED, true);
        Component b = full("b", false);
        ScopeReport r = SbomScopeCheck.check(doc(List.of(a, b), List.of(new DependencyEdge("a", "b"))), Tier.FULL);
        assertThat(r.achieved()).isEmpty();
        assertThat(r.gaps()).extracting(CriterionResult::criterion).containsExactly(Criterion.TOP_LEVEL_SUPPLIER);
    }

    @Test
    void emptySbomMeetsNothing() {
        ScopeReport r = SbomScopeCheck.check(doc(List.of(), List.of()), Tier.MINIMAL);
        assertThat(r.achieved()).isEmpty();
        assertThat(result(r, Criterion.TOP_LEVEL_NAME).summaryEn()).isEqualTo("0 of 0 top-level components have a name");
    }

    private static Component full(String name, boolean top) {
        return new Component(name, null, "library", null, name, "1", "ACME", "pkg:npm/" + name + "@1", null,
                Map.of("SHA-256", "00"), List.of("MIT"), null, IdentifierOrigin.DECLARED, top);
    }

    private static SbomDocument doc(List<Component> cs, List<DependencyEdge> edges) {
        return new SbomDocument("CycloneDX", "1.6", null, "t", null, cs, edges);
    }

    private static CriterionResult result(ScopeReport r, Criterion c) {
        return r.criteria().stream().filter(x -> x.criterion() == c).findFirst().orElseThrow();
    }
}
