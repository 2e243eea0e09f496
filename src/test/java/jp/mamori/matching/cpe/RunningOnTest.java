package jp.mamori.matching.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.identifiers.cpe.Cpe23;
import org.junit.jupiter.api.Test;

/** {@link CpeApplicability#evaluateFor}: the subject satisfies the vulnerable entry, the platform "running on". */
class RunningOnTest {

    static final Cpe23 FIRMWARE = Cpe23.parse("cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*");
    static final Cpe23 HARDWARE = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*");
    static final CpeMatch FW = new CpeMatch(true, "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*", null, null, null, null);
    static final CpeMatch HW = new CpeMatch(false, "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*", null, null, null, null);
    static final CpeConfiguration RUNNING_ON = new CpeConfiguration("AND", false, List.of(
            new CpeNode("OR", false, List.of(FW)), new CpeNode("OR", false, List.of(HW))));

    @Test
    void theFirmwareMatchesWhenTheHardwareIsAnotherPartOfThePlatform() {
        CpeMatchResult r = CpeApplicability.evaluateFor(RUNNING_ON, FIRMWARE, List.of(HARDWARE)).orElseThrow();
        assertThat(r.matchedCpe()).isEqualTo(FIRMWARE);
        assertThat(r.match()).isSameAs(FW);
        assertThat(r.runningOn()).singleElement().satisfies(h -> {
            assertThat(h.entry()).isSameAs(HW);
            assertThat(h.satisfiedBy()).isEqualTo(HARDWARE);
        });
    }

    @Test
    void theHardwareIsNeverTheVulnerableProduct() {
        assertThat(CpeApplicability.evaluateFor(RUNNING_ON, HARDWARE, List.of(FIRMWARE))).isEmpty();
    }

    @Test
    void withoutTheHardwareTheFirmwareAloneDoesNotMatch() {
        assertThat(CpeApplicability.evaluateFor(RUNNING_ON, FIRMWARE, List.of())).isEmpty();
    }

    @Test
    void anOrConfigurationIsReportedOnlyOnThePartItNames() {
        CpeConfiguration or = new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(FW))));
        assertThat(CpeApplicability.evaluateFor(or, HARDWARE, List.of(FIRMWARE))).as("another part's firmware is not this part's finding").isEmpty();
        assertThat(CpeApplicability.evaluateFor(or, FIRMWARE, List.of(HARDWARE)).orElseThrow().runningOn()).isEmpty();
    }

    @Test
    void notRunningOnANegatedPlatformIsNoFinding() {
        CpeConfiguration notOn = new CpeConfiguration("AND", false, List.of(
                new CpeNode("OR", false, List.of(FW)), new CpeNode("OR", true, List.of(HW))));
        assertThat(CpeApplicability.evaluateFor(notOn, FIRMWARE, List.of(HARDWARE))).isEmpty();
        assertThat(CpeApplicability.evaluateFor(notOn, FIRMWARE, List.of())).isPresent();
    }
}
