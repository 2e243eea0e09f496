package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.4: while one process holds the embedded database, another local process cannot reach
 * it (no AUTO_SERVER, no TCP listener), and is told in Japanese to stop the server or use the API;
 * the data directory and its files are the owner's only.
 */
class EmbeddedDatabaseExposureTest {

    @Test
    void aSecondProcessCannotReachTheHeldDatabaseAndTheFilesAreOwnerOnly() throws Exception {
        Path dir = Files.createTempDirectory("mamori-exposure-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        assertThat(settings.url()).doesNotContainIgnoringCase("AUTO_SERVER").doesNotContainIgnoringCase("TCP");
        try (Database db = Database.open(settings)) {
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString()).contains("mamori.mv.db");
            for (Path f : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
                if (f.getFileName().toString().endsWith(".lock.db")) {
                    // AUTO_SERVER wrote server=host:port and the key here; nothing to connect to now
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain("server");
                }
            }

            // the attack: another local process opens the same database while this one serves it
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OpenFromAnotherProcess.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = out.toString(StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(said).isEqualTo(3);
            assertThat(said).contains("別のMamoriのプロセス", "mamori serve", "API", dir.toString()).doesNotContain("opened");
        }
        // once the holder is gone the database opens again
        try (Database db = Database.open(settings)) {
            assertThat(db.settings().isEmbedded()).isTrue();
        }
    }

    /** Runs in a child JVM: tries to open the database, says what happened. */
    public static final class OpenFromAnotherProcess {
        public static void main(String[] args) {
            try (Database db = Database.open(DatabaseSettings.embedded(Path.of(args[0])))) {
                System.out.println("opened");
                System.exit(0);
            } catch (DatabaseUnavailableException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            } catch (RuntimeException e) {
                System.out.println("other: " + e);
                System.exit(4);
            }
        }
    }
}
