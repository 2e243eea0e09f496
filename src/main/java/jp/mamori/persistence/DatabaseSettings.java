package jp.mamori.persistence;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is: PostgreSQL when {@code MAMORI_DB_URL} is set, else an embedded H2 file
 * database under the data directory (default {@code ./data}).
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String ENV_URL = "MAMORI_DB_URL";
    public static final String ENV_USER = "MAMORI_DB_USER";
    public static final String ENV_PASSWORD = "MAMORI_DB_PASSWORD";

    public static DatabaseSettings resolve(Path dataDir, Map<String, String> env) {
        String url = env.get(ENV_URL);
        if (url != null && !url.isBlank()) {
            return new DatabaseSettings(url.trim(), env.getOrDefault(ENV_USER, ""), env.getOrDefault(ENV_PASSWORD, ""));
        }
        return embedded(dataDir);
    }

    /**
     * H2 in PostgreSQL mode so that one set of migrations serves both. AUTO_SERVER lets a CLI
     * import run while {@code mamori serve} holds the same file open.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("mamori");
        String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        return new DatabaseSettings(url, "sa", "");
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for messages. */
    public String displayUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
