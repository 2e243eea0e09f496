package jp.mamori.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hash chain finds an edited, deleted, cut-off or reordered entry, on H2 and PostgreSQL. */
class AuditLogTest {

    private static Database seeded(Kind kind, int entries) {
        Database db = Database.open(TestDatabases.settings(kind));
        AuditLog log = new AuditLog(db.dataSource());
        for (int i = 1; i <= entries; i++) {
            log.append("tanaka", i % 2 == 0 ? null : 7L, "finding.decided", "finding:" + i, "判断: パッチ適用 #" + i);
        }
        return db;
    }

    private static void sql(Database db, String... statements) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String st : statements) s.executeUpdate(st);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anIntactChainVerifies(Kind kind) {
        try (Database db = seeded(kind, 5)) {
            AuditLog log = new AuditLog(db.dataSource());
            assertThat(log.verify()).isEqualTo(AuditLog.Verification.ok(5));
            List<AuditEvent> newest = log.list(null, true, null, 10);
            assertThat(newest).extracting(AuditEvent::id).containsExactly(5L, 4L, 3L, 2L, 1L);
            assertThat(newest.get(4).prevHash()).isEqualTo(AuditLog.GENESIS);
            assertThat(newest.get(0).prevHash()).isEqualTo(newest.get(1).hash());
            assertThat(newest.get(0).detail()).isEqualTo("判断: パッチ適用 #5");
            assertThat(log.list(7L, false, null, 10)).extracting(AuditEvent::id).containsExactly(5L, 3L, 1L);
            assertThat(log.list(7L, false, 3L, 10)).extracting(AuditEvent::id).containsExactly(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyTrailVerifies(Kind kind) {
        try (Database db = seeded(kind, 0)) {
            assertThat(new AuditLog(db.dataSource()).verify()).isEqualTo(AuditLog.Verification.ok(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEditedRowIsFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 5)) {
            sql(db, "UPDATE audit_event SET detail = '判断: リスク受容' WHERE id = 3");
            AuditLog.Verification v = new AuditLog(db.dataSource()).verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(3L);
            assertThat(v.reason()).contains("edited");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEditedActorOrTimeIsFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 5)) {
            sql(db, "UPDATE audit_event SET actor = 'suzuki' WHERE id = 4");
            assertThat(new AuditLog(db.dataSource()).verify().firstBrokenId()).isEqualTo(4L);
        }
        try (Database db = seeded(kind, 5)) {
            sql(db, "UPDATE audit_event SET at = at + INTERVAL '1' SECOND WHERE id = 2");
            assertThat(new AuditLog(db.dataSource()).verify().firstBrokenId()).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeletedRowIsFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 5)) {
            sql(db, "DELETE FROM audit_event WHERE id = 2");
            AuditLog.Verification v = new AuditLog(db.dataSource()).verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(2L);
            assertThat(v.reason()).contains("missing");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeletedRowWithTheRestRenumberedIsFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 4)) {
            sql(db, "DELETE FROM audit_event WHERE id = 2",
                    "UPDATE audit_event SET id = 2 WHERE id = 3",
                    "UPDATE audit_event SET id = 3 WHERE id = 4",
                    "UPDATE audit_head SET last_id = 3");
            assertThat(new AuditLog(db.dataSource()).verify().firstBrokenId()).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCutOffTailIsFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 5)) {
            sql(db, "DELETE FROM audit_event WHERE id >= 4");
            AuditLog.Verification v = new AuditLog(db.dataSource()).verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(4L);
            assertThat(v.reason()).contains("4 to 5 are missing");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reorderedHashesAreFound(Kind kind) throws Exception {
        try (Database db = seeded(kind, 5)) {
            // swap the chain fields of entries 2 and 3: each row still carries a "valid-looking" hash pair
            sql(db, "UPDATE audit_event SET id = 99 WHERE id = 2",
                    "UPDATE audit_event SET id = 2 WHERE id = 3",
                    "UPDATE audit_event SET id = 3 WHERE id = 99");
            AuditLog.Verification v = new AuditLog(db.dataSource()).verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(2L);
        }
        try (Database db = seeded(kind, 5)) {
            // recompute nothing, only exchange the stored hashes of two rows
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT hash FROM audit_event WHERE id IN (2, 3) ORDER BY id");
                rs.next();
                String h2 = rs.getString(1);
                rs.next();
                String h3 = rs.getString(1);
                s.executeUpdate("UPDATE audit_event SET hash = '" + h3 + "' WHERE id = 2");
                s.executeUpdate("UPDATE audit_event SET hash = '" + h2 + "' WHERE id = 3");
            }
            assertThat(new AuditLog(db.dataSource()).verify().firstBrokenId()).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentWritersChainOneAfterTheOther(Kind kind) throws Exception {
        try (Database db = seeded(kind, 0)) {
            AuditLog log = new AuditLog(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) log.append("w" + thread, null, "test.append", null, "i=" + i);
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertThat(log.verify()).isEqualTo(AuditLog.Verification.ok(30));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEntryInARolledBackTransactionLeavesNoTrace(Kind kind) throws Exception {
        try (Database db = seeded(kind, 2)) {
            AuditLog log = new AuditLog(db.dataSource());
            assertThatThrownBy(() -> db.inTransaction(c -> {
                log.append(c, new AuditLog.Entry("tanaka", 7L, "asset.created", "asset:x", null));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            log.append("tanaka", 7L, "asset.created", "asset:y", null);
            assertThat(log.verify()).isEqualTo(AuditLog.Verification.ok(3));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void controlCharactersAreNeutralised(Kind kind) {
        try (Database db = seeded(kind, 0)) {
            AuditLog log = new AuditLog(db.dataSource());
            AuditEvent e = log.append("evil\u001b[31m\nname", null, "auth.sign_in_failed", "user:x\ry", "line1\nline2");
            assertThat(e.actor()).isEqualTo("evil?[31m?name");
            assertThat(e.target()).isEqualTo("user:x?y");
            assertThat(e.detail()).isEqualTo("line1\nline2");
            assertThat(log.verify().intact()).isTrue();
        }
    }
}
