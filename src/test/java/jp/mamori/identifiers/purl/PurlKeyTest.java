package jp.mamori.identifiers.purl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PurlKeyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1; Maven; org.apache.logging.log4j:log4j-core; 2.14.1",
            "pkg:npm/%40angular/core@16.0.0; npm; @angular/core; 16.0.0",
            "pkg:npm/lodash@4.17.20; npm; lodash; 4.17.20",
            "pkg:pypi/Django@4.2.1; PyPI; django; 4.2.1",
            "pkg:pypi/Django_Rest.Framework@3.0; PyPI; django-rest-framework; 3.0",
            "pkg:golang/github.com/gorilla/mux@v1.8.0; Go; github.com/gorilla/mux; v1.8.0",
            "pkg:golang/golang.org/x/net@v0.7.0; Go; golang.org/x/net; v0.7.0",
            "pkg:golang/stdlib@1.21.3; Go; stdlib; 1.21.3",
            "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12; Debian:12; openssl; 3.0.11-1~deb12u2",
            "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12.5; Debian:12; openssl; 3.0.11-1~deb12u2",
            "pkg:deb/debian/nginx@1.2.1-2.2?distro=wheezy; Debian:7; nginx; 1.2.1-2.2",
            "pkg:deb/debian/curl@7.88.1-10; Debian; curl; 7.88.1-10",
            "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=ubuntu-22.04; Ubuntu:22.04; openssl; 3.0.2-0ubuntu1.10",
            "pkg:deb/ubuntu/linux@3.13.0-206.257?arch=source&distro=esm-infra-legacy/trusty; Ubuntu:14.04; linux; 3.13.0-206.257",
            "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64&epoch=0; Red Hat; git-lfs; 0:2.13.3-3.el8_6.1",
            "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1; Red Hat; git-lfs; 2.13.3-3.el8_6.1",
            "pkg:rpm/rocky/openssl@3.0.7-24.el9?distro=rocky-9.2; Rocky Linux:9; openssl; 3.0.7-24.el9",
            "pkg:rpm/almalinux/openssl@3.0.7-24.el9?distro=almalinux-9.3; AlmaLinux:9; openssl; 3.0.7-24.el9",
            "pkg:apk/alpine/openssl@1.0.2q-r0?arch=x86_64&distro=alpine-3.8; Alpine:v3.8; openssl; 1.0.2q-r0",
            "pkg:apk/alpine/mariadb@10.6.8-r0?distro=3.16.2; Alpine:v3.16; mariadb; 10.6.8-r0",
            "pkg:cargo/regex@1.5.4; crates.io; regex; 1.5.4",
            "pkg:nuget/Newtonsoft.Json@13.0.1; NuGet; newtonsoft.json; 13.0.1",
            "pkg:gem/rails@7.0.0; RubyGems; rails; 7.0.0",
            "pkg:composer/laravel/framework@10.0.0; Packagist; laravel/framework; 10.0.0",
    })
    void fromPurl(String purl, String ecosystem, String name, String version) {
        PurlKey key = PurlKey.fromPurl(purl).orElseThrow();
        assertThat(key.ecosystem()).isEqualTo(ecosystem);
        assertThat(key.name()).isEqualTo(name);
        assertThat(key.version()).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0} / {1} meets {2}")
    @CsvSource(delimiter = ';', value = {
            "Maven; org.apache.logging.log4j:log4j-core; pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            "Maven:https://repo.maven.apache.org/maven2; org.apache.logging.log4j:log4j-core; pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            "npm; @angular/core; pkg:npm/%40angular/core@16.0.0",
            "PyPI; Django_REST.framework; pkg:pypi/django-rest-framework@3.0",
            "PyPI; requests; pkg:pypi/Requests@2.30.0",
            "Go; golang.org/x/net; pkg:golang/golang.org/x/net@v0.7.0",
            "Debian:12; openssl; pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=bookworm",
            "Debian:7; nginx; pkg:deb/debian/nginx@1.2.1-2.2?distro=debian-7",
            "Ubuntu:22.04:LTS; openssl; pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=jammy",
            "Ubuntu:Pro:14.04:LTS; linux; pkg:deb/ubuntu/linux@3.13.0-206.257?distro=esm-infra-legacy/trusty",
            "Alpine:v3.16; mariadb; pkg:apk/alpine/mariadb@10.6.8-r0?distro=alpine-3.16",
            "Red Hat:rhel_aus:8.6::appstream; git-lfs; pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?epoch=0",
            "NuGet; Newtonsoft.Json; pkg:nuget/newtonsoft.json@13.0.1",
    })
    void osvAndPurlMeet(String ecosystem, String name, String purl) {
        PurlKey fromOsv = PurlKey.fromOsv(ecosystem, name);
        PurlKey fromPurl = PurlKey.fromPurl(purl).orElseThrow();
        assertThat(fromOsv.lookupKey()).isEqualTo(fromPurl.lookupKey());
        assertThat(fromOsv.version()).isNull();
        assertThat(fromPurl.withoutVersion()).isEqualTo(fromOsv);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Debian:11, pkg:deb/debian/openssl@1.1.1n-0+deb11u5?distro=debian-12",
            "Alpine:v3.15, pkg:apk/alpine/mariadb@10.6.8-r0?distro=alpine-3.16",
            "PyPI, pkg:npm/requests@2.30.0"})
    void differentReleasesOrEcosystemsDoNotMeet(String ecosystem, String purl) {
        String name = PurlKey.fromPurl(purl).orElseThrow().name();
        assertThat(PurlKey.fromOsv(ecosystem, name).lookupKey()).isNotEqualTo(PurlKey.fromPurl(purl).orElseThrow().lookupKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a purl", "pkg:/nothing", "pkg:generic/openssl@1.0", "pkg:deb/kali/openssl@1.0",
            "pkg:rpm/fedora/openssl@3.0"})
    void noKeyWithoutAnOsvEcosystem(String purl) {
        assertThat(PurlKey.fromPurl(purl)).isEmpty();
    }
}
