package jp.mamori.matching.cpe;
import jp.mamori.identifiers.cpe.Cpe23;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpeApplicabilityTest {

    private static final String ADC = "cpe:2.3:a:citrix:netscaler_application_delivery_controller:";

    /** Shape of CVE-2023-4966: FIPS and non-FIPS editions fixed in different builds. */
    private static final CpeConfiguration NETSCALER = config("OR", false,
            node("OR", false,
                    range(ADC + "*:*:*:*:fips:*:*:*", "13.1", "13.1-37.164"),
                    range(ADC + "*:*:*:*:-:*:*:*", "13.1", "13.1-49.15"),
                    range(ADC + "*:*:*:*:-:*:*:*", "14.1", "14.1-8.50")));

    @ParameterizedTest(name = "{0} sw_edition={1}: {2}")
    @CsvSource({
            "13.1-49.14, -, '" + ADC + "*:*:*:*:-:*:*:* >=13.1 <13.1-49.15', 13.1-49.15",
            "13.1-49.15, -, , ",
            "13.1-49.16, -, , ",
            "13.1-37.163, -, '" + ADC + "*:*:*:*:-:*:*:* >=13.1 <13.1-49.15', 13.1-49.15",
            "13.1, -, '" + ADC + "*:*:*:*:-:*:*:* >=13.1 <13.1-49.15', 13.1-49.15",
            "13.0-92.19, -, , ",
            "14.1-8.49, -, '" + ADC + "*:*:*:*:-:*:*:* >=14.1 <14.1-8.50', 14.1-8.50",
            "14.1-8.50, -, , ",
            // an unstated edition is the ordinary product
            "13.1-49.14, *, '" + ADC + "*:*:*:*:-:*:*:* >=13.1 <13.1-49.15', 13.1-49.15",
            "13.1-37.163, *, '" + ADC + "*:*:*:*:-:*:*:* >=13.1 <13.1-49.15', 13.1-49.15",
            // FIPS builds are judged by the FIPS criterion only
            "13.1-37.163, fips, '" + ADC + "*:*:*:*:fips:*:*:* >=13.1 <13.1-37.164', 13.1-37.164",
            "13.1-37.164, fips, , ",
            "13.1-49.14, fips, , ",
            "14.1-8.49, fips, , ",
    })
    void netscalerEditionsAndBuilds(String version, String swEdition, String criterion, String fixedIn) {
        Cpe23 asset = Cpe23.parse(ADC + version + ":*:*:*:" + swEdition + ":*:*:*");
        Optional<CpeMatchResult> r = CpeApplicability.evaluate(NETSCALER, List.of(asset));
        if (criterion == null) {
            assertThat(r).isEmpty();
            return;
        }
        assertThat(r).isPresent();
        assertThat(r.get().criterion()).isEqualTo(criterion);
        assertThat(r.get().fixedIn()).containsExactly(fixedIn);
        assertThat(r.get().scheme().id()).isEqualTo("generic");
        assertThat(r.get().matchedCpe()).isEqualTo(asset);
        assertThat(r.get().match().vulnerable()).isTrue();
    }

    /** Shape of CVE-2019-19781: firmware running on the ADC hardware. */
    private static final CpeConfiguration RUNNING_ON = config("AND", false,
            node("OR", false,
                    exact(true, "cpe:2.3:o:citrix:application_delivery_controller_firmware:12.1:*:*:*:*:*:*:*"),
                    exact(true, "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*")),
            node("OR", false,
                    exact(false, "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*")));

    private static final Cpe23 FIRMWARE_13_0 = Cpe23.parse("cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0-47.22:*:*:*:*:*:*:*");
    private static final Cpe23 HARDWARE = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*");

    @Test
    void runningOnNeedsTheVulnerableAndThePlatformNode() {
        Optional<CpeMatchResult> r = CpeApplicability.evaluate(RUNNING_ON, List.of(HARDWARE, FIRMWARE_13_0));
        assertThat(r).isPresent();
        assertThat(r.get().matchedCpe()).isEqualTo(FIRMWARE_13_0);
        assertThat(r.get().criterion()).isEqualTo("cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*");
        assertThat(r.get().fixedIn()).isEmpty();

        assertThat(CpeApplicability.evaluate(RUNNING_ON, List.of(FIRMWARE_13_0))).as("firmware without the hardware").isEmpty();
        assertThat(CpeApplicability.evaluate(RUNNING_ON, List.of(HARDWARE))).as("platform entries never make a finding").isEmpty();
        Cpe23 otherFirmware = Cpe23.parse("cpe:2.3:o:citrix:application_delivery_controller_firmware:14.1-8.50:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.evaluate(RUNNING_ON, List.of(HARDWARE, otherFirmware))).isEmpty();
    }

    @Test
    void hardwareWithUnstatedVersionSatisfiesAnNaCriterion() {
        Cpe23 hardwareAny = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:*:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.evaluate(RUNNING_ON, List.of(FIRMWARE_13_0, hardwareAny))).isPresent();
        Cpe23 hardwareModel = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:mpx_8900:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.evaluate(RUNNING_ON, List.of(FIRMWARE_13_0, hardwareModel))).isEmpty();
    }

    @Test
    void negatedNodeExcludesAPlatform() {
        CpeConfiguration notOnWindows = config("AND", false,
                node("OR", false, range("cpe:2.3:a:example:agent:*:*:*:*:*:*:*:*", null, "2.0")),
                node("OR", true, exact(false, "cpe:2.3:o:microsoft:windows:*:*:*:*:*:*:*:*")));
        Cpe23 agent = Cpe23.parse("cpe:2.3:a:example:agent:1.5:*:*:*:*:*:*:*");
        Cpe23 linux = Cpe23.parse("cpe:2.3:o:linux:linux_kernel:6.1:*:*:*:*:*:*:*");
        Cpe23 windows = Cpe23.parse("cpe:2.3:o:microsoft:windows:10:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.evaluate(notOnWindows, List.of(agent, linux))).isPresent();
        assertThat(CpeApplicability.evaluate(notOnWindows, List.of(agent, windows))).isEmpty();
    }

    @Test
    void negatedConfigurationNeverNamesAVulnerableProduct() {
        CpeConfiguration negated = config("OR", true, node("OR", false, exact(true, "cpe:2.3:a:example:agent:1.5:*:*:*:*:*:*:*")));
        assertThat(CpeApplicability.evaluate(negated, List.of(Cpe23.parse("cpe:2.3:a:example:agent:1.5:*:*:*:*:*:*:*")))).isEmpty();
    }

    @Test
    void andNodeNeedsEveryEntry() {
        CpeConfiguration both = config("OR", false, node("AND", false,
                exact(true, "cpe:2.3:a:example:server:3.0:*:*:*:*:*:*:*"),
                exact(false, "cpe:2.3:a:example:plugin:*:*:*:*:*:*:*:*")));
        Cpe23 server = Cpe23.parse("cpe:2.3:a:example:server:3.0:*:*:*:*:*:*:*");
        Cpe23 plugin = Cpe23.parse("cpe:2.3:a:example:plugin:1.2:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.evaluate(both, List.of(server))).isEmpty();
        assertThat(CpeApplicability.evaluate(both, List.of(server, plugin))).get()
                .extracting(CpeMatchResult::matchedCpe).isEqualTo(server);
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
            // Ivanti: NVD puts the release in the update attribute
            "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*, 9.1R11.3, true",
            "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*, 9.1r11.3, true",
            "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*, 9.1R11.4, false",
            "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*, 9.1R11, false",
            "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*, 9.1, false",
            "cpe:2.3:a:ivanti:connect_secure:8.2:r1.0:*:*:*:*:*:*, 8.2R1, true",
            "cpe:2.3:a:ivanti:connect_secure:9.0:*:*:*:*:*:*:*, 9.0R3.4, true",
            "cpe:2.3:a:ivanti:connect_secure:22.2:-:*:*:*:*:*:*, 22.2, true",
            "cpe:2.3:a:ivanti:connect_secure:22.2:-:*:*:*:*:*:*, 22.2R1, false",
            // PAN-OS: hotfix in the update attribute, '-' for the base release
            "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:h1:*:*:*:*:*:*, 10.2.0-h1, true",
            "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:h1:*:*:*:*:*:*, 10.2.0-h3, false",
            "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:-:*:*:*:*:*:*, 10.2.0, true",
            "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:-:*:*:*:*:*:*, 10.2.0-h3, false",
            "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:-:*:*:*:*:*:*, 10.2.0.1, false",
            // plain exact versions; trailing zeros are equal in the generic order
            "cpe:2.3:a:fortinet:fortiproxy:2.0.0:*:*:*:*:*:*:*, 2.0.0, true",
            "cpe:2.3:a:fortinet:fortiproxy:2.0.0:*:*:*:*:*:*:*, 2.0, true",
            "cpe:2.3:a:fortinet:fortiproxy:2.0.0:*:*:*:*:*:*:*, 2.0.1, false",
            "cpe:2.3:a:openssl:openssl:1.0.2q:*:*:*:*:*:*:*, 1.0.2q, true",
            "cpe:2.3:a:openssl:openssl:1.0.2q:*:*:*:*:*:*:*, 1.0.2r, false",
            // wildcard inside a criterion value
            "cpe:2.3:a:example:product:13.1*:*:*:*:*:*:*:*, 13.1-49.15, true",
            "cpe:2.3:a:example:product:13.1*:*:*:*:*:*:*:*, 13.0-92.19, false",
    })
    void exactVersionCriteria(String criterion, String assetVersion, boolean expected) {
        Cpe23 c = Cpe23.parse(criterion);
        Cpe23 asset = c.withVersion(assetVersion, Cpe23.ANY);
        assertThat(CpeApplicability.matches(exact(true, criterion), asset)).isEqualTo(expected);
    }

    @Test
    void releaseGivenInTheAssetsUpdateAttributeAlsoMatches() {
        Cpe23 asset = Cpe23.parse("cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*");
        assertThat(CpeApplicability.matches(exact(true, "cpe:2.3:a:ivanti:connect_secure:9.1:r11.3:*:*:*:*:*:*"), asset)).isTrue();
        // and ranges compare version and update joined: 9.1R11.3 is in [9.1R1, 9.1R12)
        CpeMatch r = new CpeMatch(true, "cpe:2.3:a:ivanti:connect_secure:*:*:*:*:*:*:*:*", "9.1R1", null, null, "9.1R12");
        assertThat(CpeApplicability.matches(r, asset)).isTrue();
        assertThat(CpeApplicability.matches(r, Cpe23.parse("cpe:2.3:a:ivanti:connect_secure:9.1:r12:*:*:*:*:*:*"))).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"5.0.0, false", "5.0.1, true", "5.0.14, true", "5.0.15, false", "v5.0.14, true"})
    void startExcludingAndEndIncluding(String version, boolean expected) {
        CpeMatch m = new CpeMatch(true, "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", null, "5.0.0", "5.0.14", null);
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:fortinet:fortios:" + version + ":*:*:*:*:*:*:*"))).isEqualTo(expected);
        CpeConfiguration config = config("OR", false, node("OR", false, m));
        CpeApplicability.evaluate(config, List.of(Cpe23.parse("cpe:2.3:o:fortinet:fortios:" + version + ":*:*:*:*:*:*:*")))
                .ifPresent(r -> assertThat(r.fixedIn()).as("versionEndIncluding names no fix").isEmpty());
    }

    @Test
    void anAssetWithoutAVersionOrWithAnUnreadableOneIsNoMatchForARange() {
        CpeMatch m = range("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "7.0.0", "7.0.14");
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*"))).isFalse();
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:fortinet:fortios:-:*:*:*:*:*:*:*"))).isFalse();
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:fortinet:fortios:latest:*:*:*:*:*:*:*"))).isFalse();
        // ... while a criterion without range or version applies to every version
        CpeMatch all = exact(true, "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*");
        assertThat(CpeApplicability.matches(all, Cpe23.parse("cpe:2.3:o:fortinet:fortios:7.0.1:*:*:*:*:*:*:*"))).isTrue();
    }

    @Test
    void partVendorAndProductMustAgree() {
        CpeMatch m = range("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "7.0.0", "7.0.14");
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:a:fortinet:fortios:7.0.1:*:*:*:*:*:*:*"))).isFalse();
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:fortinet:fortiproxy:7.0.1:*:*:*:*:*:*:*"))).isFalse();
        assertThat(CpeApplicability.matches(m, Cpe23.parse("cpe:2.3:o:Fortinet:FortiOS:7.0.1:*:*:*:*:*:*:*"))).isTrue();
    }

    @Test
    void unreadableCriterionAppliesToNothing() {
        CpeConfiguration broken = config("OR", false, node("OR", false, exact(true, "cpe:2.3:broken")));
        assertThat(CpeApplicability.evaluate(broken, List.of(FIRMWARE_13_0))).isEmpty();
        assertThat(CpeApplicability.evaluate(NETSCALER, List.of())).isEmpty();
    }

    @Test
    void versionlessCpeIsOnlyACandidate() {
        Cpe23 asset = Cpe23.parse("cpe:2.3:a:citrix:netscaler_gateway:13.1-49.14:*:*:*:*:*:*:*");
        Optional<CpeCandidate> c = CpeApplicability.candidate("cpe:/a:citrix:netscaler_gateway", asset);
        assertThat(c).isPresent();
        assertThat(c.get().confidence()).isEqualTo("low");
        assertThat(c.get().asset()).isEqualTo(asset);
        assertThat(c.get().reason()).contains("no version");
        assertThat(CpeApplicability.candidate("cpe:/a:Citrix:NetScaler_Gateway", asset)).isPresent();
        assertThat(CpeApplicability.candidate("cpe:/a:citrix:netscaler_application_delivery_controller", asset)).isEmpty();
        assertThat(CpeApplicability.candidate("cpe:/o:citrix:netscaler_gateway", asset)).isEmpty();
        assertThat(CpeApplicability.candidate("garbage", asset)).isEmpty();
    }

    static CpeConfiguration config(String operator, boolean negate, CpeNode... nodes) {
        return new CpeConfiguration(operator, negate, List.of(nodes));
    }

    static CpeNode node(String operator, boolean negate, CpeMatch... matches) {
        return new CpeNode(operator, negate, List.of(matches));
    }

    static CpeMatch range(String criteria, String startIncluding, String endExcluding) {
        return new CpeMatch(true, criteria, startIncluding, null, null, endExcluding);
    }

    static CpeMatch exact(boolean vulnerable, String criteria) {
        return new CpeMatch(vulnerable, criteria, null, null, null, null);
    }
}
