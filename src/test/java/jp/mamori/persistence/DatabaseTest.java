package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations apply unchanged on H2 and PostgreSQL; unusable databases fail with a clear message. */
class DatabaseTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrationsCreateTheSchemaAndReopeningChangesNothing(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.settings(kind);
        List<String> first;
        try (Database db = Database.open(settings)) {
            first = appliedMigrations(db);
            assertThat(first).isNotEmpty();
            assertThat(tableExists(db, "vulnerability")).isTrue();
            assertThat(tableExists(db, "organization")).isTrue();
        }
        try (Database db = Database.open(settings)) {
            assertThat(appliedMigrations(db)).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSchemaNewerThanTheApplicationIsRefused(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.settings(kind);
        try (Database db = Database.open(settings);
             Connection c = db.connection();
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 0, TRUE)");
        }
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("newer than this Mamori")
                .hasMessageContaining("999");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedTransactionLeavesNothingBehind(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            assertThatThrownBy(() -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO organization (code, name) VALUES ('x', 'X市')");
                }
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM organization")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreachableServerGivesAClearMessage() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/nowhere", "x", "y");
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to the database")
                .hasMessageContaining("127.0.0.1:1");
    }

    private static List<String> appliedMigrations(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) out.add(rs.getString(1) + ":" + rs.getString(2));
        }
        return out;
    }

    private static boolean tableExists(Database db, String name) throws Exception {
        try (Connection c = db.connection();
             ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
