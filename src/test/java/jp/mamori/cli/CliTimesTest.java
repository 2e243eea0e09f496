package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: every time a command prints is Asia/Tokyo with the offset — ISO-8601 with +09:00 in JSON,
 * "yyyy-MM-dd HH:mm:ss +09:00" in tables — and is the instant stored, not a UTC time nor a wall
 * clock without its zone. The expected text is built here from the stored instant and a fixed +09:00
 * offset, not by the formatter under test.
 */
class CliTimesTest {

    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);

    @Test
    void auditAndAllowListTimesAreTokyoWithTheOffsetAndEqualTheStoredInstant() throws Exception {
        Path data = Files.createTempDirectory("mamori-cli-times-");
        InProcessCli cli = new InProcessCli(data);
        assertThat(cli.onData("org", "create", "--code", "012033", "--name", "A市").rc()).isZero();
        assertThat(cli.onData("detection", "allow", "add", "--org", "012033", "--kind", "egress", "192.0.2.0/24", "--by", "tanaka").rc()).isZero();
        List<AuditEvent> stored = audit(data);
        assertThat(stored).isNotEmpty();

        JsonNode listed = cli.json("audit", "list");
        assertThat(listed).hasSize(stored.size());
        String table = cli.table("audit", "list");
        for (int i = 0; i < stored.size(); i++) {
            AuditEvent e = stored.get(i);
            JsonNode row = find(listed, e.id());
            String at = row.path("at").asText();
            assertThat(at).as("JSON: ISO-8601 in Japan time").endsWith("+09:00");
            assertThat(OffsetDateTime.parse(at).toInstant()).as("the stored instant").isEqualTo(e.at());
            assertThat(table).as("table: Japan time with its offset").contains(seconds(e.at()) + " +09:00");
        }

        JsonNode allow = cli.json("detection", "allow", "list", "--org", "012033");
        String addedAt = allow.get(0).path("addedAt").asText();
        assertThat(addedAt).endsWith("+09:00");
        Instant added = OffsetDateTime.parse(addedAt).toInstant();
        AuditEvent addEntry = stored.stream().filter(e -> e.action().startsWith("detection.allow")).findFirst().orElseThrow();
        assertThat(Math.abs(ChronoUnit.SECONDS.between(added, addEntry.at()))).as("the entry's time is the time it was added").isLessThanOrEqualTo(5);
        assertThat(cli.table("detection", "allow", "list", "--org", "012033")).contains(seconds(added) + " +09:00");
    }

    private static String seconds(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(t.atOffset(JAPAN));
    }

    private static JsonNode find(JsonNode rows, long id) {
        for (JsonNode r : rows) if (r.path("id").asLong() == id) return r;
        throw new AssertionError("no audit row " + id + " in " + rows);
    }

    private static List<AuditEvent> audit(Path data) {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            return new AuditLog(db.dataSource()).list(null, true, null, 100_000);
        }
    }
}
