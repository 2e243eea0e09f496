package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Database.LATEST_MIGRATION must name the newest migration, or the fast open would skip it. */
class MigrationIndexTest {

    @Test
    void theFastPathKnowsTheNewestMigration() throws IOException {
        Pattern p = Pattern.compile("V(\\d+)__.*\\.sql");
        int max;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            max = s.map(f -> p.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(Database.LATEST_MIGRATION).isEqualTo(max);
    }
}
