package jp.mamori.identifiers.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cpe23Test {

    @Test
    void readsEveryAttributeOfAFormattedString() {
        Cpe23 c = Cpe23.parse("cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-49.15:*:*:*:fips:*:*:*");
        assertThat(c.part()).isEqualTo("a");
        assertThat(c.vendor()).isEqualTo("citrix");
        assertThat(c.product()).isEqualTo("netscaler_application_delivery_controller");
        assertThat(c.version()).isEqualTo("13.1-49.15");
        assertThat(c.update()).isEqualTo(Cpe23.ANY);
        assertThat(c.edition()).isEqualTo(Cpe23.ANY);
        assertThat(c.language()).isEqualTo(Cpe23.ANY);
        assertThat(c.swEdition()).isEqualTo("fips");
        assertThat(c.targetSw()).isEqualTo(Cpe23.ANY);
        assertThat(c.targetHw()).isEqualTo(Cpe23.ANY);
        assertThat(c.other()).isEqualTo(Cpe23.ANY);
        assertThat(c.wellFormed(CpeAttribute.VERSION)).isEqualTo("13\\.1\\-49\\.15");
        assertThat(c).hasToString("cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-49.15:*:*:*:fips:*:*:*");
    }

    @Test
    void readsA22UriAndNa() {
        Cpe23 uri = Cpe23.parse("cpe:/a:ivanti:connect_secure:9.1:r1");
        assertThat(uri.version()).isEqualTo("9.1");
        assertThat(uri.update()).isEqualTo("r1");
        assertThat(uri).isEqualTo(Cpe23.parse("cpe:2.3:a:ivanti:connect_secure:9.1:r1:*:*:*:*:*:*"));
        assertThat(Cpe23.parse("cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:-:*:*:*:*:*:*").update()).isEqualTo(Cpe23.NA);
    }

    @Test
    void withVersionKeepsEverythingElse() {
        Cpe23 criterion = Cpe23.parse("cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:fips:*:*:*");
        assertThat(criterion.withVersion("13.1-37.164"))
                .hasToString("cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-37.164:*:*:*:fips:*:*:*");
        assertThat(criterion.withVersion("9.1", "r11.3").update()).isEqualTo("r11.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cpe:2.3:a:x", "not a cpe", "cpe:2.3:q:vendor:product:1:*:*:*:*:*:*:*"})
    void rejectsWhatIsNotACpe(String text) {
        assertThatThrownBy(() -> Cpe23.parse(text)).isInstanceOf(CpeFormatException.class).hasMessageContaining("not a valid CPE");
        assertThat(Cpe23.tryParse(text)).isEmpty();
    }

    @Test
    void keyIsLowercasePartVendorProduct() {
        assertThat(CpeKey.parse("cpe:2.3:o:Citrix:Application_Delivery_Controller_Firmware:13.0:*:*:*:*:*:*:*"))
                .isEqualTo(new CpeKey("o", "citrix", "application_delivery_controller_firmware"))
                .hasToString("o:citrix:application_delivery_controller_firmware");
        assertThat(CpeKey.parse("cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:-:*:*:*:*:*:*").product()).isEqualTo("pan-os");
        assertThat(CpeKey.parse("cpe:/a:citrix:netscaler_gateway")).isEqualTo(CpeKey.parse("cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*"));
    }
}
