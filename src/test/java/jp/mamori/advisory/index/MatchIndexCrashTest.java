package jp.mamori.advisory.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchEngine;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 in the middle of a build (while writing the file, or just before the rename) leaves the
 * previous index whole and recognisably stale; the next use rebuilds it and clears the remains.
 */
class MatchIndexCrashTest {

    /** The process that gets killed: builds the index of the database in args[0] into args[1]. */
    public static void main(String[] args) {
        try (Database db = Database.open(DatabaseSettings.embedded(Path.of(args[0])))) {
            new MatchIndexes(db.dataSource(), Path.of(args[1])).rebuild();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"write-2", "before-rename"})
    void aBuildKilledHalfwayLeavesAUsableState(String stallAt) throws Exception {
        Path dbDir = IndexFixtures.tempDir("mamori-crash-db-");
        Path dir = IndexFixtures.tempDir("mamori-crash-index-");
        MatchIndex before;
        // The embedded database admits one process at a time: the test steps aside while the child builds.
        try (Database db = Database.open(DatabaseSettings.embedded(dbDir))) {
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0001", "left-pad")));
            before = new MatchIndexes(db.dataSource(), dir).current().orElseThrow();
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0002", "left-pad")));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Dmamori.matchIndex.stallAt=" + stallAt, "-cp", System.getProperty("java.class.path"),
                MatchIndexCrashTest.class.getName(), dbDir.toString(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder all = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("STALLED")) all.append(line).append('\n');
            assertThat(line).as("child output: %s", all).isEqualTo("STALLED " + stallAt);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith(MatchIndexes.FILE + ".tmp-"));
        }
        // The file in place is the previous, intact index: stale, so it is not used.
        MatchIndex onDisk = MatchIndex.open(dir.resolve(MatchIndexes.FILE));
        assertThat(onDisk.version()).isEqualTo(before.version());

        try (Database db = Database.open(DatabaseSettings.embedded(dbDir))) {
            MatchIndexes next = new MatchIndexes(db.dataSource(), dir);
            MatchIndex now = next.current().orElseThrow();
            assertThat(next.lastBuild()).isPresent();
            assertThat(now.version().generation()).isGreaterThan(before.version().generation());
            assertThat(new MatchEngine(now.lookup()).match(MatchIndexesTest.TARGET)).extracting(Match::vulnId)
                    .containsExactly("CVE-2030-0001", "CVE-2030-0002");
            try (var s = Files.list(dir)) {
                assertThat(s.map(f -> f.getFileName().toString())).containsExactly(MatchIndexes.FILE);
            }
        }
    }
}
