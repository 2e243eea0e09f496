package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutUrlTheEmbeddedDatabaseLivesUnderTheDataDirectory() {
        DatabaseSettings s = DatabaseSettings.resolve(Path.of("/srv/mamori-data"), Map.of());
        assertThat(s.isEmbedded()).isTrue();
        assertThat(s.url()).startsWith("jdbc:h2:file:/srv/mamori-data/mamori;");
    }

    @Test
    void theEnvironmentSelectsPostgres() {
        DatabaseSettings s = DatabaseSettings.resolve(Path.of("data"), Map.of(
                "MAMORI_DB_URL", "jdbc:postgresql://db.example:5432/mamori?ssl=true",
                "MAMORI_DB_USER", "mamori", "MAMORI_DB_PASSWORD", "secret"));
        assertThat(s.isPostgres()).isTrue();
        assertThat(s.user()).isEqualTo("mamori");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.displayUrl()).isEqualTo("jdbc:postgresql://db.example:5432/mamori");
    }
}
