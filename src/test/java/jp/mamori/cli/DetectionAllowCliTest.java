package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * {@code mamori detection allow add|remove|list}: an entry added is listed (table and JSON the same
 * rows), removed by the kind and value it was listed with ({@code *.example.jp} names
 * {@code example.jp}), and both are audited with the value; removing what is not listed, an unknown
 * kind or a malformed value is refused (exit 2, Japanese first) and writes nothing; an entry of
 * another organisation is not removed from this one.
 */
class DetectionAllowCliTest {

    @Test
    void anEntryIsAddedListedAndRemovedWithAnAuditEntryEachAndBadRemovalsWriteNothing() throws Exception {
        Path data = Files.createTempDirectory("mamori-allow-cli-");
        InProcessCli cli = new InProcessCli(data);
        assertThat(cli.onData("org", "create", "--code", "012033", "--name", "A市").rc()).isZero();
        assertThat(cli.onData("org", "create", "--code", "012041", "--name", "B町").rc()).isZero();

        InProcessCli.Run add = cli.onData("detection", "allow", "add", "--org", "012033", "--kind", "sanctioned-domain", "*.City-A.sharepoint.com",
                "--note", "市の Microsoft 365", "--by", "tanaka");
        assertThat(add.rc()).as(add.err()).isZero();
        assertThat(cli.onData("detection", "allow", "add", "--org", "012033", "--kind", "egress", "192.0.2.0/24", "--by", "tanaka").rc()).isZero();
        assertThat(cli.onData("detection", "allow", "add", "--org", "012041", "--kind", "egress", "192.0.2.0/24", "--by", "suzuki").rc()).isZero();

        JsonNode listed = cli.json("detection", "allow", "list", "--org", "012033");
        assertThat(listed).hasSize(2);
        assertThat(listed.findValuesAsText("value")).containsExactly("192.0.2.0/24", "city-a.sharepoint.com");
        assertThat(listed.get(1).path("note").asText()).isEqualTo("市の Microsoft 365");
        assertThat(listed.get(1).path("addedBy").asText()).isEqualTo("tanaka");
        assertThat(listed.get(1).path("addedAt").asText()).endsWith("+09:00");
        String table = cli.table("detection", "allow", "list", "--org", "012033");
        for (JsonNode e : listed) assertThat(table).contains(e.path("value").asText());
        assertThat(table).contains("許可されたサービス", "tanaka");

        int audit = auditCount(data);
        InProcessCli.Run missing = cli.onData("detection", "allow", "remove", "--org", "012033", "--kind", "cgnat", "192.0.2.0/24");
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.err()).contains("許可リストにありません / not on the allow-list: cgnat 192.0.2.0/24");
        InProcessCli.Run badKind = cli.onData("detection", "allow", "remove", "--org", "012033", "--kind", "vpn", "192.0.2.0/24");
        assertThat(badKind.rc()).isEqualTo(2);
        assertThat(badKind.err()).contains("種別が不正です");
        InProcessCli.Run badValue = cli.onData("detection", "allow", "remove", "--org", "012033", "--kind", "egress", "192.0.2.0/99");
        assertThat(badValue.rc()).isEqualTo(2);
        assertThat(auditCount(data)).as("refused removals write nothing").isEqualTo(audit);
        assertThat(cli.json("detection", "allow", "list", "--org", "012033")).hasSize(2);

        InProcessCli.Run removed = cli.onData("detection", "allow", "remove", "--org", "012033", "--kind", "sanctioned-domain",
                "*.city-a.SharePoint.com", "--by", "tanaka");
        assertThat(removed.rc()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("削除しました / removed: sanctioned-domain city-a.sharepoint.com");
        assertThat(cli.json("detection", "allow", "list", "--org", "012033").findValuesAsText("value")).containsExactly("192.0.2.0/24");
        InProcessCli.Run egress = cli.onData("detection", "allow", "remove", "--org", "012033", "--kind", "egress", "192.0.2.0/24", "--by", "tanaka");
        assertThat(egress.rc()).as(egress.err()).isZero();
        assertThat(cli.json("detection", "allow", "list", "--org", "012033")).isEmpty();
        assertThat(cli.json("detection", "allow", "list", "--org", "012041").findValuesAsText("value"))
                .as("B's entry with the same value stays").containsExactly("192.0.2.0/24");

        List<AuditEvent> entries = audit(data).subList(0, 2);
        assertThat(entries).extracting(AuditEvent::action).containsOnly("detection.allow_removed");
        assertThat(entries.get(1).detail()).contains("value=sanctioned-domain:city-a.sharepoint.com", "via=cli");
        assertThat(entries.get(1).actor()).isEqualTo("tanaka");
        assertThat(auditCount(data)).isEqualTo(audit + 2);
    }

    /** {@code mamori detection policy show|set}: the organisation's own value over the default, table and JSON alike; a bad value exit 2 and nothing written. */
    @Test
    void thePolicyIsShownAndSetPerOrganisationAndABadValueWritesNothing() throws Exception {
        Path data = Files.createTempDirectory("mamori-policy-cli-");
        InProcessCli cli = new InProcessCli(data);
        assertThat(cli.onData("org", "create", "--code", "012033", "--name", "A市").rc()).isZero();
        assertThat(cli.onData("org", "create", "--code", "012041", "--name", "B町").rc()).isZero();
        JsonNode shown = cli.json("detection", "policy", "show", "--org", "012033");
        assertThat(shown.findValuesAsText("key")).containsExactly("upload-bytes-per-hour", "upload-requests-per-hour", "concurrent-window", "session-idle",
                "incident-window");
        assertThat(shown.findValuesAsText("source")).containsOnly("file");

        int audit = auditCount(data);
        InProcessCli.Run bad = cli.onData("detection", "policy", "set", "--org", "012033", "concurrent-window", "0m");
        assertThat(bad.rc()).isEqualTo(2);
        assertThat(bad.err()).contains("concurrent-window: 1m から 1d までにしてください / must be from 1m to 1d");
        InProcessCli.Run unknown = cli.onData("detection", "policy", "set", "--org", "012033", "idle", "1h");
        assertThat(unknown.rc()).isEqualTo(2);
        assertThat(unknown.err()).contains("設定項目が不正です", "session-idle");
        assertThat(auditCount(data)).isEqualTo(audit);

        InProcessCli.Run set = cli.onData("detection", "policy", "set", "--org", "012033", "concurrent-window", "30m", "--by", "tanaka");
        assertThat(set.rc()).as(set.err()).isZero();
        assertThat(set.out()).contains("変更しました / changed: concurrent-window=default→30m");
        JsonNode a = cli.json("detection", "policy", "show", "--org", "012033").get(2);
        assertThat(a.path("text").asText()).isEqualTo("30m");
        assertThat(a.path("source").asText()).isEqualTo("organization");
        assertThat(a.path("fileText").asText()).isEqualTo("15m");
        assertThat(cli.json("detection", "policy", "show", "--org", "012041").get(2).path("text").asText()).as("B keeps the default").isEqualTo("15m");
        assertThat(cli.table("detection", "policy", "show", "--org", "012033")).contains("concurrent-window", "30m", "団体 / organization");
        AuditEvent e = audit(data).get(0);
        assertThat(e.action()).isEqualTo("detection.policy_changed");
        assertThat(e.actor()).isEqualTo("tanaka");
        assertThat(e.detail()).contains("concurrent-window=default→30m", "via=cli");

        assertThat(cli.onData("detection", "policy", "set", "--org", "012033", "concurrent-window", "default").rc()).isZero();
        assertThat(cli.json("detection", "policy", "show", "--org", "012033").get(2).path("source").asText()).isEqualTo("file");
    }

    private static List<AuditEvent> audit(Path data) {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            return new AuditLog(db.dataSource()).list(null, true, null, 100_000);
        }
    }

    private static int auditCount(Path data) {
        return audit(data).size();
    }
}
