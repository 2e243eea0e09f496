package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@code mamori partner contact} says when an IR partner's configuration is due again, as the readiness
 * report does (issue 14): the demo's share of 200 days is overdue, a new share is current with its next
 * date, and a boundary device added after it makes it due now.
 */
class PartnerContactCliTest {

    @Test
    void theContactListSaysWhenTheLastShareIsDueAgain() throws Exception {
        Path data = Files.createTempDirectory("mamori-partner-contact-");
        InProcessCli cli = new InProcessCli(data);
        assertThat(cli.onData("demo", "--no-serve").rc()).isZero();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

        assertThat(partnerLine(cli)).contains(today.minusDays(200).toString(), "期限超過（次回期限 " + today.minusDays(20) + "）");

        InProcessCli.Run share = cli.onData("partner", "share", DemoPartners.IR_PARTNER, "--recipient", "鈴木");
        assertThat(share.rc()).as(share.err()).isZero();
        assertThat(partnerLine(cli)).contains(today.toString(), today.plusDays(180).toString()).doesNotContain("期限超過").doesNotContain("今すぐ");

        InProcessCli.Run fw = cli.onData("asset", "create", "--system", DemoPartners.TELEWORK, "--code", "fw-new", "--name", "新ファイアウォール",
                "--kind", "network-appliance", "--exposure", "open", "--boundary");
        assertThat(fw.rc()).as(fw.err()).isZero();
        assertThat(partnerLine(cli)).contains(today.toString(), "今すぐ（共有後に境界装置が変更されました）");
        assertThat(cli.onData("partner", "contact", "--format", "json").out()).contains("\"shareDueNow\" : true", "今すぐ（共有後に境界装置が変更されました）");
    }

    private static String partnerLine(InProcessCli cli) {
        InProcessCli.Run r = cli.onData("partner", "contact");
        assertThat(r.rc()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.contains(DemoPartners.IR_PARTNER)).findFirst().orElseThrow(() -> new AssertionError(r.out()));
    }
}
