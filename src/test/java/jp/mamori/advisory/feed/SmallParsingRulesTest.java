package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small text rules shared by the parsers, as tables. */
class SmallParsingRulesTest {
    @ParameterizedTest
    @CsvSource({
            "2023-10-10T14:15:10.130, 2023-10-10T14:15:10.130Z",     // NVD: no zone, UTC
            "2023-10-10T13:12:17.644Z, 2023-10-10T13:12:17.644Z",    // CVE 5
            "2023-08-03T00:00:00, 2023-08-03T00:00:00Z",             // CVE 5 from MITRE, no zone
            "2021-12-10T00:40:56Z, 2021-12-10T00:40:56Z",            // OSV
            "2023-06-05T01:13:00.534973Z, 2023-06-05T01:13:00.534973Z",
            "2023-11-22T05:00:08+09:00, 2023-11-21T20:00:08Z",
            "2023-10-18, 2023-10-18T00:00:00Z",                      // KEV dates
    })
    void timestamps(String text, String utc) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @CsvSource({"2026-09-29T12:00:22Z, 2026-09-29", "2024-03-24, 2024-03-24"})
    void dates(String text, String date) {
        assertThat(Timestamps.date(text)).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "CWE-79, CWE-79", "cwe-79 Improper Neutralization, CWE-79", "NVD-CWE-Other, null", "NVD-CWE-noinfo, null",
            "CWE-, null", "Cross-site scripting, null"})
    void cweIds(String text, String id) {
        assertThat(Cwes.leadingId(text)).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 3.1",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 4.0",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 3.0",
            "AV:N/AC:L/Au:N/C:P/I:N/A:N, 2.0",
            "(AV:N/AC:L/Au:N/C:N/I:N/A:P), 2.0",
            "medium, null"})
    void cvssVersions(String vector, String version) {
        assertThat(CvssVectors.version(vector)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"en, en", "en-US, en", "EN, en", "eng, en", "ja-JP, ja", "jpn, ja", "es, es", "null, en"})
    void languages(String tag, String primary) {
        assertThat(Languages.primary(tag)).isEqualTo(primary);
    }
}
