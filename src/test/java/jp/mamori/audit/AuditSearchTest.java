package jp.mamori.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.MutableClock;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit page's query: by actor, action and time range, one tenant's entries only, paged with a total, on H2 and PostgreSQL. */
class AuditSearchTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersAndPagesNewestFirst(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
            AuditLog log = new AuditLog(db.dataSource(), clock);
            for (int i = 1; i <= 12; i++) {
                log.append(i % 3 == 0 ? "suzuki" : "tanaka", 7L, i % 2 == 0 ? "finding.decided" : "sbom.added", "x:" + i, "n=" + i);
                clock.advance(java.time.Duration.ofHours(12));
            }
            log.append("tanaka", 8L, "finding.decided", "other-tenant", null);

            AuditLog.Page all = log.search(new AuditLog.Query(7L, false, null, null, null, null), 0, 5);
            assertThat(all.total()).isEqualTo(12);
            assertThat(all.events()).extracting(AuditEvent::target).containsExactly("x:12", "x:11", "x:10", "x:9", "x:8");
            assertThat(log.search(new AuditLog.Query(7L, false, null, null, null, null), 10, 5).events())
                    .extracting(AuditEvent::target).containsExactly("x:2", "x:1");

            AuditLog.Page suzuki = log.search(new AuditLog.Query(7L, false, "suzuki", "finding.decided", null, null), 0, 100);
            assertThat(suzuki.events()).extracting(AuditEvent::target).containsExactly("x:12", "x:6");

            // entries 1..12 are at 2026-12-01T00:00Z + 12h·(i-1): from 12-02 00:00 to 12-03 00:00 (exclusive) holds entries 3 and 4
            AuditLog.Page day = log.search(new AuditLog.Query(7L, false, null, null, Instant.parse("2026-12-02T00:00:00Z"),
                    Instant.parse("2026-12-03T00:00:00Z")), 0, 100);
            assertThat(day.events()).extracting(AuditEvent::target).containsExactly("x:4", "x:3");

            assertThat(log.search(new AuditLog.Query(null, true, "tanaka", "finding.decided", null, null), 0, 100).events())
                    .extracting(AuditEvent::target).contains("other-tenant").doesNotContain("x:6", "x:12");
            assertThat(log.actors(7L)).containsExactly("suzuki", "tanaka");
            assertThat(log.verify().intact()).isTrue();
        }
    }
}
