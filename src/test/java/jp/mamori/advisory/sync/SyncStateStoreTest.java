package jp.mamori.advisory.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncStateStoreTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keepsTheCursorAndTheOutcomePerSource(Kind kind) {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            SyncStateStore store = new SyncStateStore(db.dataSource());
            assertThat(store.load(Source.NVD)).isEmpty();

            ObjectNode cursor = store.load(Source.NVD);
            cursor.put("lastModEnd", "2026-11-20T03:00:00.000Z");
            cursor.putObject("inProgress").put("nextStartIndex", 4000).put("start", "2026-11-01T00:00:00.000Z");
            store.save(Source.NVD, cursor);
            store.recordFailure(Source.NVD, Instant.parse("2026-11-20T03:10:00Z"), "HTTP 503 Service Unavailable from https://x");

            ObjectNode back = store.load(Source.NVD);
            assertThat(back.path("inProgress").path("nextStartIndex").asInt()).isEqualTo(4000);
            assertThat(back.path("lastModEnd").asText()).isEqualTo("2026-11-20T03:00:00.000Z");
            assertThat(store.load(Source.JVN)).isEmpty();
            FeedStatus.Row row = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("nvd")).findFirst().orElseThrow();
            assertThat(row.lastError()).isEqualTo("HTTP 503 Service Unavailable from https://x");

            store.recordSuccess(Source.NVD, Instant.parse("2026-11-20T04:00:00Z"));
            back.remove("inProgress");
            store.save(Source.NVD, back);
            assertThat(store.load(Source.NVD).has("inProgress")).isFalse();
            row = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("nvd")).findFirst().orElseThrow();
            assertThat(row.lastSuccess()).isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
            assertThat(row.lastError()).isNull();
        }
    }
}
