package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Contract;
import jp.mamori.partners.Flag;
import jp.mamori.partners.RiskFlag;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo's contracts are dated from the demo's own day: run on 5 January (when contracts ending on a fixed
 * 31 March are within 90 days of their end), the firewall contract is still complete — no flag at all — and the
 * gateway's carries only the seed's gaps (上限あり, 対象外機器 and the absent clauses), never 期限切れ間近.
 */
class DemoContractsTest {

    /** 2027-01-05 09:00 in Tokyo. */
    private static final Clock JANUARY = Clock.fixed(Instant.parse("2027-01-05T00:00:00Z"), java.time.ZoneOffset.UTC);

    @Test
    void runOnFifthOfJanuaryTheFirewallContractHasNoFlagsAndNeitherContractIsExpiring() throws Exception {
        Path data = Files.createTempDirectory("mamori-demo-contracts-");
        DemoCommand demo = new DemoCommand();
        demo.clock = JANUARY;
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = new CommandLine(demo).execute("--no-serve", "--data", data.toString());
        } finally {
            System.setOut(was);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("[上限あり]").contains("[対象外機器]").doesNotContain("[期限切れ間近]");

        try (Database db = Database.open(DatabaseSettings.embedded(data));
             Mamori m = Mamori.open(db, JANUARY, new MamoriSettings(data, Map.of()))) {
            LocalDate day = m.today();
            assertThat(day).isEqualTo(LocalDate.of(2027, 1, 5));
            Organization org = m.inventory().findOrganization(DemoCommand.ORG_CODE).orElseThrow();
            Contract fw = m.contracts().find(org.id(), DemoPartners.FIREWALL_CONTRACT).orElseThrow();
            assertThat(fw.inForce(day)).isTrue();
            assertThat(fw.endsOn()).as("ends well over 90 days after the demo's day").isAfter(day.plusDays(180));
            List<Flag> flags = m.partners().flags(org.id(), day);
            assertThat(flags).filteredOn(f -> DemoPartners.FIREWALL_CONTRACT.equals(f.contractCode())).as("the firewall contract is complete").isEmpty();
            List<RiskFlag> gateway = flags.stream().filter(f -> DemoPartners.GATEWAY_CONTRACT.equals(f.contractCode())).map(Flag::flag).toList();
            assertThat(gateway).contains(RiskFlag.PATCH_CAP, RiskFlag.DEVICES_OUT_OF_SCOPE).doesNotContain(RiskFlag.EXPIRING, RiskFlag.EXPIRED);
            assertThat(flags).filteredOn(f -> f.flag() == RiskFlag.UNCONTRACTED_ASSET).flatExtracting(Flag::assets)
                    .as("both contracts in force on the demo's day").doesNotContain("fw-01", DemoRemediation.GATEWAY);
        }
    }
}
