package jp.mamori.matching.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSchemesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Maven, maven", "Maven:https://maven.google.com, maven", "npm, semver", "PyPI, pep440", "Go, go",
            "Debian, deb", "Debian:12, deb", "Ubuntu:22.04:LTS, deb", "Ubuntu:Pro:18.04:LTS, deb",
            "Alpine:v3.16, apk", "Red Hat:rhel_aus:8.6::appstream, rpm", "Rocky Linux:9, rpm",
            "AlmaLinux:8, rpm", "SUSE:Linux Enterprise Server 15 SP5, rpm", "openSUSE:Tumbleweed, rpm",
            "crates.io, semver", "NuGet, generic", "RubyGems, generic", "Packagist, generic",
            "Linux, generic", "SomethingNew, generic", "pypi, pep440"})
    void picksSchemeByOsvEcosystem(String ecosystem, String scheme) {
        assertThat(VersionSchemes.forEcosystem(ecosystem).id()).isEqualTo(scheme);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"maven, maven", "npm, semver", "pypi, pep440", "golang, go", "deb, deb", "rpm, rpm",
            "apk, apk", "cargo, semver", "nuget, generic", "gem, generic", "composer, generic", "generic, generic"})
    void picksSchemeByPurlType(String type, String scheme) {
        assertThat(VersionSchemes.forPurlType(type).id()).isEqualTo(scheme);
    }

    @Test
    void cpeAndUnknownInputsUseGeneric() {
        assertThat(VersionSchemes.forCpe()).isSameAs(GenericScheme.INSTANCE);
        assertThat(VersionSchemes.forEcosystem(null)).isSameAs(GenericScheme.INSTANCE);
        assertThat(VersionSchemes.forPurlType(null)).isSameAs(GenericScheme.INSTANCE);
    }

    @Test
    void semverRangesOfGoModulesUseTheGoScheme() {
        assertThat(VersionSchemes.forSemverRange("Go").id()).isEqualTo("go");
        assertThat(VersionSchemes.forSemverRange("npm").id()).isEqualTo("semver");
        assertThat(VersionSchemes.forSemverRange(null).id()).isEqualTo("semver");
    }
}
