package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SbomDiffTest {

    @Test
    void addedRemovedAndChangedByPurlWithoutVersion() {
        SbomDocument before = doc(
                c("1", null, "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", Map.of()),
                c("2", null, "lodash", "4.17.20", "pkg:npm/lodash@4.17.20", Map.of()),
                c("3", null, "left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0", Map.of()));
        SbomDocument after = doc(
                c("a", null, "log4j-core", "2.17.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1?type=jar", Map.of()),
                c("b", null, "lodash", "4.17.20", "pkg:npm/lodash@4.17.20", Map.of()),
                c("c", null, "express", "4.18.2", "pkg:npm/express@4.18.2", Map.of()));

        SbomDiff.Result d = SbomDiff.diff(before, after);

        assertThat(d.added()).extracting(Component::name).containsExactly("express");
        assertThat(d.removed()).extracting(Component::name).containsExactly("left-pad");
        assertThat(d.changed()).hasSize(1);
        SbomDiff.Change ch = d.changed().get(0);
        assertThat(ch.before().version()).isEqualTo("2.14.1");
        assertThat(ch.after().version()).isEqualTo("2.17.1");
        assertThat(ch.versionChanged()).isTrue();
        assertThat(ch.hashesChanged()).isFalse();
    }

    @Test
    void sameVersionOtherHashIsAChange() {
        SbomDocument before = doc(c("1", "org.example", "lib", "1.0", null, Map.of("SHA-256", "aa", "MD5", "11")));
        SbomDocument after = doc(c("1", "org.example", "LIB", "1.0", null, Map.of("SHA-256", "bb")));
        SbomDiff.Result d = SbomDiff.diff(before, after);
        assertThat(d.changed()).singleElement().satisfies(ch -> {
            assertThat(ch.versionChanged()).isFalse();
            assertThat(ch.hashesChanged()).isTrue();
        });
        assertThat(d.added()).isEmpty();
        assertThat(d.removed()).isEmpty();
    }

    @Test
    void hashOfAnotherAlgorithmOnlyIsNoChange() {
        SbomDocument before = doc(c("1", null, "lib", "1.0", "pkg:npm/lib@1.0", Map.of("SHA-1", "aa")));
        SbomDocument after = doc(c("1", null, "lib", "1.0", "pkg:npm/lib@1.0", Map.of("SHA-256", "bb")));
        assertThat(SbomDiff.diff(before, after).isEmpty()).isTrue();
    }

    @Test
    void severalVersionsOfOnePackagePairUpSensibly() {
        // npm trees hold several copies; the unchanged one must not be reported as changed
        SbomDocument before = doc(c("1", null, "ms", "2.0.0", "pkg:npm/ms@2.0.0", Map.of()),
                c("2", null, "ms", "2.1.2", "pkg:npm/ms@2.1.2", Map.of()));
        SbomDocument after = doc(c("1", null, "ms", "2.1.3", "pkg:npm/ms@2.1.3", Map.of()),
                c("2", null, "ms", "2.0.0", "pkg:npm/ms@2.0.0", Map.of()),
                c("3", null, "ms", "2.1.1", "pkg:npm/ms@2.1.1", Map.of()));
        SbomDiff.Result d = SbomDiff.diff(before, after);
        assertThat(d.changed()).singleElement().satisfies(ch -> {
            assertThat(ch.before().version()).isEqualTo("2.1.2");
            assertThat(ch.after().version()).isEqualTo("2.1.3");
        });
        assertThat(d.added()).extracting(Component::version).containsExactly("2.1.1");
        assertThat(d.removed()).isEmpty();
    }

    @Test
    void sameProductAsCycloneDxAndAsSpdxDiffersOnlyInTheSpdxProductPackage() throws Exception {
        SbomDiff.Result d = SbomDiff.diff(TestSboms.read("cyclonedx-1.5.json"), TestSboms.read("spdx-2.3.spdx.json"));
        // SPDX lists the described product as a package; CycloneDX keeps it in metadata. shaded-util is only in CycloneDX.
        assertThat(d.added()).extracting(Component::name).containsExactly("jyumin-portal");
        assertThat(d.removed()).extracting(Component::name).containsExactly("shaded-util");
        // commons-text has no purl in either (a CPE only): matched by name, same version, so unchanged
        assertThat(d.changed()).isEmpty();
    }

    private static Component c(String ref, String group, String name, String version, String purl, Map<String, String> hashes) {
        return new Component(ref, null, "library", group, name, version, null, purl, null, hashes, List.of(), null,
                IdentifierOrigin.DECLARED, true);
    }

    private static SbomDocument doc(Component... cs) {
        return new SbomDocument("CycloneDX", "1.6", null, "t", null, List.of(cs), List.of());
    }
}
