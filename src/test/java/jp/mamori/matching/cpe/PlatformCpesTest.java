package jp.mamori.matching.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.mamori.identifiers.cpe.Cpe23;
import org.junit.jupiter.api.Test;

/** The platform index must offer every CPE that could satisfy a criterion, in the platform's order. */
class PlatformCpesTest {

    private static final Cpe23 FIRMWARE = Cpe23.parse("cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*");
    private static final Cpe23 HARDWARE = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*");
    private static final Cpe23 OTHER = Cpe23.parse("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");
    private static final Cpe23 ANY_VENDOR = Cpe23.parse("cpe:2.3:h:*:application_delivery_controller:*:*:*:*:*:*:*:*");

    @Test
    void aConcreteCriterionIsOfferedOnlyTheCpesOfItsProduct() {
        PlatformCpes p = new PlatformCpes(List.of(OTHER, FIRMWARE, HARDWARE));
        Cpe23 criterion = Cpe23.parse("cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*");
        assertThat(p.candidates(criterion)).containsExactly(HARDWARE);
    }

    @Test
    void productNamesDifferingOnlyInCaseAreOffered() {
        Cpe23 upper = Cpe23.parse("cpe:2.3:h:Citrix:Application_Delivery_Controller:-:*:*:*:*:*:*:*");
        PlatformCpes p = new PlatformCpes(List.of(upper));
        assertThat(p.candidates(HARDWARE)).containsExactly(upper);
    }

    @Test
    void aPlatformCpeWithAWildcardIsAlwaysOfferedInItsPlace() {
        PlatformCpes p = new PlatformCpes(List.of(HARDWARE, ANY_VENDOR, OTHER));
        assertThat(p.candidates(HARDWARE)).containsExactly(HARDWARE, ANY_VENDOR);
        PlatformCpes reversed = new PlatformCpes(List.of(ANY_VENDOR, OTHER, HARDWARE));
        assertThat(reversed.candidates(HARDWARE)).as("platform order kept").containsExactly(ANY_VENDOR, HARDWARE);
    }

    @Test
    void aCriterionWithAWildcardIsOfferedEveryCpe() {
        PlatformCpes p = new PlatformCpes(List.of(OTHER, FIRMWARE, HARDWARE));
        Cpe23 anyProduct = Cpe23.parse("cpe:2.3:h:citrix:*:*:*:*:*:*:*:*:*");
        assertThat(p.candidates(anyProduct)).containsExactly(OTHER, FIRMWARE, HARDWARE);
    }

    @Test
    void everyCpeIsOfferedForACriterionNamingItsOwnProduct() {
        List<Cpe23> parts = List.of(OTHER, FIRMWARE, HARDWARE);
        PlatformCpes p = new PlatformCpes(parts);
        for (Cpe23 c : parts) {
            Cpe23 criterion = c;
            assertThat(p.candidates(criterion)).contains(c);
        }
        assertThat(new PlatformCpes(List.of()).isEmpty()).isTrue();
    }
}
