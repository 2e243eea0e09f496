package jp.mamori.matching.cpe;
import jp.mamori.identifiers.cpe.Cpe23;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internet-boundary devices against the real NVD configurations in ../shared/fixtures/nvd:
 * versions just below, at and above each fix boundary. Skipped, visibly, without the fixtures.
 */
class NvdBoundaryInteropTest {

    private static final String ADC = "cpe:2.3:a:citrix:netscaler_application_delivery_controller:";
    private static final String GATEWAY = "cpe:2.3:a:citrix:netscaler_gateway:";
    private static final String FORTIOS = "cpe:2.3:o:fortinet:fortios:";
    private static final String FORTIPROXY = "cpe:2.3:a:fortinet:fortiproxy:";
    private static final String ICS = "cpe:2.3:a:ivanti:connect_secure:";
    private static final String IPS = "cpe:2.3:a:ivanti:policy_secure:";
    private static final String PANOS = "cpe:2.3:o:paloaltonetworks:pan-os:";
    private static final String TAIL_NON_FIPS = ":*:*:*:-:*:*:*";
    private static final String TAIL_FIPS = ":*:*:*:fips:*:*:*";
    private static final String TAIL = ":*:*:*:*:*:*:*";

    /**
     * cve; asset CPE prefix + version + tail (platform CPEs separated by spaces); expected fixedIn
     * ("-" when the criterion names no fix), empty when the asset must not match.
     */
    @ParameterizedTest(name = "{0} {1}{2}: {3}")
    @CsvSource(delimiter = ';', value = {
            // Citrix Bleed: non-FIPS and FIPS builds fixed separately
            "CVE-2023-4966; " + ADC + "; 13.1-49.14" + TAIL_NON_FIPS + "; 13.1-49.15",
            "CVE-2023-4966; " + ADC + "; 13.1-49.15" + TAIL_NON_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 13.1-51.15" + TAIL_NON_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 13.1-49.14" + TAIL + "; 13.1-49.15",
            "CVE-2023-4966; " + ADC + "; 13.1-37.163" + TAIL_FIPS + "; 13.1-37.164",
            "CVE-2023-4966; " + ADC + "; 13.1-37.164" + TAIL_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 13.1-49.14" + TAIL_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 12.1-55.299" + TAIL_FIPS + "; 12.1-55.300",
            "CVE-2023-4966; " + ADC + "; 12.1-55.300" + TAIL_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 12.1-55.299" + TAIL_NON_FIPS + ";",
            "CVE-2023-4966; " + ADC + "; 14.1-8.49" + TAIL_NON_FIPS + "; 14.1-8.50",
            "CVE-2023-4966; " + ADC + "; 14.1-8.50" + TAIL_NON_FIPS + ";",
            "CVE-2023-4966; " + GATEWAY + "; 13.0-92.18" + TAIL + "; 13.0-92.19",
            "CVE-2023-4966; " + GATEWAY + "; 13.0-92.19" + TAIL + ";",
            "CVE-2023-4966; " + GATEWAY + "; 13.1_build_49.14" + TAIL + "; 13.1-49.15",
            // CVE-2023-3519
            "CVE-2023-3519; " + ADC + "; 13.1-49.12" + TAIL_NON_FIPS + "; 13.1-49.13",
            "CVE-2023-3519; " + ADC + "; 13.1-49.13" + TAIL_NON_FIPS + ";",
            "CVE-2023-3519; " + ADC + "; 13.1-37.158" + TAIL_FIPS + "; 13.1-37.159",
            "CVE-2023-3519; " + ADC + "; 13.1-37.159" + TAIL_FIPS + ";",
            "CVE-2023-3519; " + ADC + "; 13.0-91.12" + TAIL_NON_FIPS + "; 13.0-91.13",
            "CVE-2023-3519; " + ADC + "; 13.0-91.13" + TAIL_NON_FIPS + ";",
            "CVE-2023-3519; " + GATEWAY + "; 13.1-49.12" + TAIL + "; 13.1-49.13",
            "CVE-2023-3519; " + GATEWAY + "; 13.1-49.13" + TAIL + ";",
            "CVE-2023-3519; " + ADC + "; 14.1-4.42" + TAIL_NON_FIPS + ";",
            // CVE-2019-19781: firmware running on the hardware; NVD names whole release lines, no fix build
            "CVE-2019-19781; cpe:2.3:o:citrix:application_delivery_controller_firmware:; 13.0-47.22" + TAIL
                    + " cpe:2.3:h:citrix:application_delivery_controller:-" + TAIL + "; -",
            "CVE-2019-19781; cpe:2.3:o:citrix:application_delivery_controller_firmware:; 13.0-47.22" + TAIL + ";",
            "CVE-2019-19781; cpe:2.3:o:citrix:application_delivery_controller_firmware:; 13.1-12.50" + TAIL
                    + " cpe:2.3:h:citrix:application_delivery_controller:-" + TAIL + ";",
            "CVE-2019-19781; cpe:2.3:o:citrix:netscaler_gateway_firmware:; 12.1-55.18" + TAIL
                    + " cpe:2.3:h:citrix:netscaler_gateway:-" + TAIL + "; -",
            "CVE-2019-19781; cpe:2.3:o:citrix:gateway_firmware:; 13.0-47.22" + TAIL
                    + " cpe:2.3:h:citrix:gateway:-" + TAIL + "; -",
            // FortiOS SSL-VPN path traversal
            "CVE-2018-13379; " + FORTIOS + "; 6.0.4" + TAIL + "; 6.0.5",
            "CVE-2018-13379; " + FORTIOS + "; 6.0.5" + TAIL + ";",
            "CVE-2018-13379; " + FORTIOS + "; 6.0.0" + TAIL + "; 6.0.5",
            "CVE-2018-13379; " + FORTIOS + "; 5.6.7" + TAIL + "; 5.6.8",
            "CVE-2018-13379; " + FORTIOS + "; 5.6.8" + TAIL + ";",
            "CVE-2018-13379; " + FORTIOS + "; 5.6.2" + TAIL + ";",
            "CVE-2018-13379; " + FORTIOS + "; 5.4.6" + TAIL + "; 5.4.13",
            "CVE-2018-13379; " + FORTIOS + "; 5.4.5" + TAIL + ";",
            "CVE-2018-13379; " + FORTIPROXY + "; 1.2.8" + TAIL + "; 1.2.9",
            "CVE-2018-13379; " + FORTIPROXY + "; 1.2.9" + TAIL + ";",
            "CVE-2018-13379; " + FORTIPROXY + "; 2.0.0" + TAIL + "; -",
            "CVE-2018-13379; " + FORTIPROXY + "; 2.0.1" + TAIL + ";",
            // FortiOS SSL-VPN heap overflow: endIncluding lines and excluding lines
            "CVE-2022-42475; " + FORTIOS + "; 7.2.2" + TAIL + "; 7.2.3",
            "CVE-2022-42475; " + FORTIOS + "; 7.2.3" + TAIL + ";",
            "CVE-2022-42475; " + FORTIOS + "; 7.0.8" + TAIL + "; 7.0.9",
            "CVE-2022-42475; " + FORTIOS + "; 7.0.9" + TAIL + ";",
            "CVE-2022-42475; " + FORTIOS + "; 6.0.15" + TAIL + "; 6.0.16",
            "CVE-2022-42475; " + FORTIOS + "; 6.0.16" + TAIL + ";",
            "CVE-2022-42475; " + FORTIOS + "; 5.0.14" + TAIL + "; -",
            "CVE-2022-42475; " + FORTIOS + "; 5.0.15" + TAIL + ";",
            "CVE-2022-42475; " + FORTIPROXY + "; 7.2.1" + TAIL + "; 7.2.2",
            "CVE-2022-42475; " + FORTIPROXY + "; 7.2.2" + TAIL + ";",
            "CVE-2022-42475; " + FORTIPROXY + "; 1.2.13" + TAIL + "; -",
            "CVE-2022-42475; " + FORTIPROXY + "; 1.2.14" + TAIL + ";",
            // FortiOS SSL-VPN out-of-bounds write
            "CVE-2024-21762; " + FORTIOS + "; 7.4.2" + TAIL + "; 7.4.3",
            "CVE-2024-21762; " + FORTIOS + "; 7.4.3" + TAIL + ";",
            "CVE-2024-21762; " + FORTIOS + "; 7.2.6" + TAIL + "; 7.2.7",
            "CVE-2024-21762; " + FORTIOS + "; 7.2.7" + TAIL + ";",
            "CVE-2024-21762; " + FORTIOS + "; 7.0.13" + TAIL + "; 7.0.14",
            "CVE-2024-21762; " + FORTIOS + "; 7.0.14" + TAIL + ";",
            "CVE-2024-21762; " + FORTIOS + "; 7.0.12" + TAIL + "; 7.0.14",
            "CVE-2024-21762; " + FORTIOS + "; 6.0.17" + TAIL + "; 6.0.18",
            "CVE-2024-21762; " + FORTIOS + "; 6.0.18" + TAIL + ";",
            "CVE-2024-21762; " + FORTIOS + "; 7.6.0" + TAIL + ";",
            "CVE-2024-21762; " + FORTIPROXY + "; 2.0.13" + TAIL + "; 2.0.14",
            "CVE-2024-21762; " + FORTIPROXY + "; 2.0.14" + TAIL + ";",
            "CVE-2024-21762; " + FORTIPROXY + "; 7.4.2" + TAIL + "; 7.4.3",
            "CVE-2024-21762; " + FORTIPROXY + "; 7.4.3" + TAIL + ";",
            // Ivanti Connect Secure: NVD lists each affected release in the update attribute
            "CVE-2023-46805; " + ICS + "; 22.6R2" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.6R2.2" + TAIL + ";",
            "CVE-2023-46805; " + ICS + "; 22.6R1" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.6" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.2" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.2R1" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.2R3" + TAIL + ";",
            "CVE-2023-46805; " + ICS + "; 9.1R18" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 9.1R18.3" + TAIL + ";",
            "CVE-2023-46805; " + ICS + "; 9.1R11.4" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 9.0R3" + TAIL + "; -",
            "CVE-2023-46805; " + ICS + "; 22.7R2.3" + TAIL + ";",
            "CVE-2023-46805; " + IPS + "; 22.6R1" + TAIL + "; -",
            "CVE-2023-46805; " + IPS + "; 22.6R1.1" + TAIL + ";",
            "CVE-2024-21887; " + ICS + "; 22.5R2.1" + TAIL + "; -",
            "CVE-2024-21887; " + ICS + "; 22.5R2.2" + TAIL + ";",
            "CVE-2024-21887; " + ICS + "; 9.1R17.1" + TAIL + "; -",
            "CVE-2024-21887; " + ICS + "; 9.1R17.2" + TAIL + ";",
            // PAN-OS GlobalProtect: every vulnerable hotfix listed, fixes are the next hotfix
            "CVE-2024-3400; " + PANOS + "; 10.2.9" + TAIL + "; -",
            "CVE-2024-3400; " + PANOS + "; 10.2.9-h1" + TAIL + ";",
            "CVE-2024-3400; " + PANOS + "; 10.2.7-h6" + TAIL + "; -",
            "CVE-2024-3400; " + PANOS + "; 10.2.7-h8" + TAIL + ";",
            "CVE-2024-3400; " + PANOS + "; 11.0.4" + TAIL + "; -",
            "CVE-2024-3400; " + PANOS + "; 11.0.4-h1" + TAIL + ";",
            "CVE-2024-3400; " + PANOS + "; 11.1.2-h1" + TAIL + "; -",
            "CVE-2024-3400; " + PANOS + "; 11.1.2-h3" + TAIL + ";",
            "CVE-2024-3400; " + PANOS + "; 11.1.0" + TAIL + "; -",
            "CVE-2024-3400; " + PANOS + "; 10.1.12" + TAIL + ";",
            "CVE-2024-3400; " + PANOS + "; 9.1.10-h1" + TAIL + ";",
            // Pulse Connect Secure arbitrary file read (NVD now files it under ivanti)
            "CVE-2019-11510; " + ICS + "; 9.0R3.3" + TAIL + "; -",
            "CVE-2019-11510; " + ICS + "; 9.0R3.4" + TAIL + ";",
            "CVE-2019-11510; " + ICS + "; 9.0R3" + TAIL + "; -",
            "CVE-2019-11510; " + ICS + "; 9.0R1" + TAIL + "; -",
            "CVE-2019-11510; " + ICS + "; 8.2R12" + TAIL + "; -",
            "CVE-2019-11510; " + ICS + "; 8.2R12.1" + TAIL + ";",
            "CVE-2019-11510; " + ICS + "; 8.3R7" + TAIL + "; -",
            "CVE-2019-11510; " + ICS + "; 8.3R7.1" + TAIL + ";",
            "CVE-2019-11510; " + ICS + "; 9.1R1" + TAIL + ";",
    })
    void boundary(String cve, String prefix, String versionAndRest, String fixedIn) throws IOException {
        List<CpeConfiguration> configs = NvdConfigurationsJson.read(SharedFixtures.require("nvd/" + cve + ".json"));
        assertThat(configs).as("%s has configurations", cve).isNotEmpty();
        List<Cpe23> platform = platform(prefix + versionAndRest);
        Optional<CpeMatchResult> result = firstMatch(configs, platform);
        if (fixedIn == null) {
            assertThat(result).as("%s must not match %s", cve, platform).isEmpty();
            return;
        }
        assertThat(result).as("%s must match %s", cve, platform).isPresent();
        assertThat(result.get().match().vulnerable()).isTrue();
        assertThat(result.get().scheme().id()).isEqualTo("generic");
        assertThat(result.get().criterion()).startsWith(result.get().match().criteria());
        assertThat(result.get().fixedIn()).isEqualTo("-".equals(fixedIn) ? List.of() : List.of(fixedIn));
    }

    /** Every range entry of every fixture: its start matches, its exclusive end does not, just below the end does. */
    @ParameterizedTest
    @ValueSource(strings = {"CVE-2023-4966", "CVE-2023-3519", "CVE-2018-13379", "CVE-2022-42475", "CVE-2024-21762"})
    void everyRangeEntryRespectsItsBounds(String cve) throws IOException {
        List<CpeConfiguration> configs = NvdConfigurationsJson.read(SharedFixtures.require("nvd/" + cve + ".json"));
        int checked = 0;
        for (CpeMatch m : entries(configs)) {
            if (!m.vulnerable() || !m.hasRange()) continue;
            Cpe23 criterion = Cpe23.parse(m.criteria());
            if (m.versionStartIncluding() != null) {
                assertThat(CpeApplicability.matches(m, criterion.withVersion(m.versionStartIncluding()))).as("start of %s", m.describe()).isTrue();
            }
            if (m.versionEndIncluding() != null) {
                assertThat(CpeApplicability.matches(m, criterion.withVersion(m.versionEndIncluding()))).as("end of %s", m.describe()).isTrue();
            }
            if (m.versionEndExcluding() != null) {
                assertThat(CpeApplicability.matches(m, criterion.withVersion(m.versionEndExcluding()))).as("fix of %s", m.describe()).isFalse();
                String below = justBelow(m.versionEndExcluding());
                if (below != null && (m.versionStartIncluding() == null
                        || jp.mamori.matching.version.GenericScheme.INSTANCE.compare(below, m.versionStartIncluding()) >= 0)) {
                    assertThat(CpeApplicability.matches(m, criterion.withVersion(below))).as("%s below %s", below, m.describe()).isTrue();
                }
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    /** Every exact entry of the Ivanti, PAN-OS and Pulse fixtures matches the version as the vendor writes it. */
    @ParameterizedTest
    @ValueSource(strings = {"CVE-2023-46805", "CVE-2024-21887", "CVE-2024-3400", "CVE-2019-11510"})
    void everyListedReleaseMatchesInVendorNotation(String cve) throws IOException {
        List<CpeConfiguration> configs = NvdConfigurationsJson.read(SharedFixtures.require("nvd/" + cve + ".json"));
        int checked = 0;
        for (CpeMatch m : entries(configs)) {
            Cpe23 criterion = Cpe23.parse(m.criteria());
            String update = criterion.update();
            if (!Cpe23.isConcrete(update)) continue;
            // Ivanti writes 9.1R11.3, Palo Alto 10.2.0-h1
            String vendorVersion = update.startsWith("r") ? criterion.version() + "R" + update.substring(1)
                    : criterion.version() + "-" + update;
            Cpe23 asset = criterion.withVersion(vendorVersion, Cpe23.ANY);
            assertThat(CpeApplicability.matches(m, asset)).as("%s in %s", vendorVersion, m.criteria()).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void fortigateHardwareConfigurationNeedsTheHardware() throws IOException {
        List<CpeConfiguration> configs = NvdConfigurationsJson.read(SharedFixtures.require("nvd/CVE-2022-42475.json"));
        CpeConfiguration onChassis = configs.stream().filter(c -> "AND".equals(c.operator())).findFirst().orElseThrow();
        Cpe23 fortios = Cpe23.parse(FORTIOS + "6.0.14" + TAIL);
        Cpe23 chassis = Cpe23.parse("cpe:2.3:h:fortinet:fortigate-6300f:-" + TAIL);
        assertThat(CpeApplicability.evaluate(onChassis, List.of(fortios))).isEmpty();
        Optional<CpeMatchResult> r = CpeApplicability.evaluate(onChassis, List.of(fortios, chassis));
        assertThat(r).isPresent();
        assertThat(r.get().matchedCpe()).isEqualTo(fortios);
        assertThat(r.get().fixedIn()).containsExactly("6.0.15");
    }

    private static Optional<CpeMatchResult> firstMatch(List<CpeConfiguration> configs, List<Cpe23> platform) {
        for (CpeConfiguration c : configs) {
            Optional<CpeMatchResult> r = CpeApplicability.evaluate(c, platform);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    /** Platform CPEs are separated by spaces. */
    private static List<Cpe23> platform(String text) {
        List<Cpe23> out = new ArrayList<>();
        for (String cpe : text.trim().split("\\s+")) out.add(Cpe23.parse(cpe));
        return out;
    }

    private static List<CpeMatch> entries(List<CpeConfiguration> configs) {
        List<CpeMatch> out = new ArrayList<>();
        for (CpeConfiguration c : configs) {
            for (CpeNode n : c.nodes()) out.addAll(n.cpeMatch());
        }
        return out;
    }

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(\\D*)$");

    /** 13.1-49.15 -> 13.1-49.14, 7.0.14 -> 7.0.13; null when the last number is 0. */
    private static String justBelow(String version) {
        Matcher m = LAST_NUMBER.matcher(version);
        if (!m.find()) return null;
        long n = Long.parseLong(m.group(1));
        if (n == 0) return null;
        String digits = String.valueOf(n - 1);
        while (digits.length() < m.group(1).length()) digits = "0" + digits;
        return version.substring(0, m.start(1)) + digits + m.group(2);
    }
}
