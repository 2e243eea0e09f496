package jp.mamori.matching.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.util.Relation;

/**
 * One attribute of a criterion against an asset's: the NISTIR 7696 relations (SUPERSET or EQUAL
 * applies), with NA satisfied by an unstated (ANY) asset value. The short cuts before the library's
 * comparison must answer as it does.
 */
class AttributeMatchTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "*, fips, true",
            "*, *, true",
            "-, *, true",
            "-, -, true",
            "-, fips, false",
            "fips, fips, true",
            "FIPS, fips, true",
            "fips, *, false",
            "fips, -, false",
            "fips, enterprise, false",
            "netscaler_gateway, netscaler_application_delivery_controller, false",
            "netscaler*, netscaler_gateway, true",
            "netscaler*, citrix, false",
            "net?caler, netscaler, true",
            "netscaler*, *, false",
            "a\\*b, a\\*b, true",
            "a\\*b, axb, false",
    })
    void coversAsTheRelationsSay(String criterion, String asset, boolean expected) {
        assertThat(AttributeMatch.covers(criterion, asset)).isEqualTo(expected);
        if (!("-".equals(criterion) && "*".equals(asset))) {
            Relation r = Cpe.compareAttribute(criterion, asset);
            assertThat(r == Relation.SUPERSET || r == Relation.EQUAL).as("the library's relation %s", r).isEqualTo(expected);
        }
    }
}
