package jp.mamori.inventory.sbom.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlSuggesterTest {

    @ParameterizedTest(name = "{0} + version {1} → {2}")
    @CsvSource(nullValues = "-", value = {
        "https://repo1.maven.org/maven2/org/apache/logging/log4j/log4j-core/2.14.1/, 2.14.1, pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
        "https://repo1.maven.org/maven2/org/apache/logging/log4j/log4j-core/2.14.1/log4j-core-2.14.1.jar, -, pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
        "https://repo1.maven.org/maven2/org/apache/logging/log4j/log4j-core/, 2.17.1, pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1",
        "https://repo.maven.apache.org/maven2/commons-io/commons-io/2.11.0, -, pkg:maven/commons-io/commons-io@2.11.0",
        "https://mvnrepository.com/artifact/org.springframework/spring-core, 5.3.9, pkg:maven/org.springframework/spring-core@5.3.9",
        "https://mvnrepository.com/artifact/org.springframework/spring-core/5.3.9, -, pkg:maven/org.springframework/spring-core@5.3.9",
        "https://central.sonatype.com/artifact/com.fasterxml.jackson.core/jackson-databind/2.15.2, -, pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2",
        "https://www.npmjs.com/package/lodash, 4.17.20, pkg:npm/lodash@4.17.20",
        "https://www.npmjs.com/package/@angular/core/v/15.0.0, -, pkg:npm/%40angular/core@15.0.0",
        "https://pypi.org/project/Django_REST.framework/, 3.14.0, pkg:pypi/django-rest-framework@3.14.0",
        "https://pypi.org/project/requests/2.31.0/, -, pkg:pypi/requests@2.31.0",
        "https://github.com/Apache/Struts.git, 6.0.0, pkg:github/apache/struts@6.0.0",
        "https://github.com/openssl/openssl/releases/tag/openssl-3.0.8, 3.0.8, pkg:github/openssl/openssl@3.0.8",
        "www.npmjs.com/package/express, 4.18.2, pkg:npm/express@4.18.2",
    })
    void suggestsFromRegistryPages(String url, String version, String purl) {
        assertThat(PurlSuggester.fromUrl(url, version)).contains(purl);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "https://www.example.co.jp/product, 1.0",
        "https://github.com/apache, 1.0",
        "https://www.npmjs.com/search?q=lodash, -",
        "https://repo1.maven.org/maven2/junit, 4.12",
        "not a url at all ::, 1",
        "-, 1",
    })
    void givesNothingRatherThanAGuess(String url, String version) {
        assertThat(PurlSuggester.fromUrl(url, version)).isEmpty();
    }
}
