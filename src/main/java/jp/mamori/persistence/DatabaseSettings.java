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
    public static final String ENV_READ_URL = "MAMORI_DB_READ_URL";
    public static final String ENV_READ_USER = "MAMORI_DB_READ_USER";
    public static final String ENV_READ_PASSWORD = "MAMORI_DB_READ_PASSWORD";

    /**
     * The read replica ({@code MAMORI_DB_READ_URL}; user and password default to the primary's), or
     * null when none is set.
     */
    public static DatabaseSettings replica(Map<String, String> env, DatabaseSettings primary) {
        String url = env.get(ENV_READ_URL);
        if (url == null || url.isBlank()) return null;
        return new DatabaseSettings(url.trim(), env.getOrDefault(ENV_READ_USER, primary.user()), env.getOrDefault(ENV_READ_PASSWORD, primary.password()));
    }

    public static DatabaseSettings resolve(Path dataDir, Map<String, String> env) {
        String url = env.get(ENV_URL);
        if (url != null && !url.isBlank()) {
            return new DatabaseSettings(url.trim(), env.getOrDefault(ENV_USER, ""), env.getOrDefault(ENV_PASSWORD, ""));
        }
        return embedded(dataDir);
    }

    /**
     * H2 in PostgreSQL mode so that one set of migrations serves both. No AUTO_SERVER and no TCP
     * server: the embedded database has no network listener (issue 18.4). One process holds the
     * file at a time; a CLI command while {@code mamori serve} runs is refused with a clear message
     * (use the web API instead, or stop the server).
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new DatabaseSettings(url, "sa", "");
    }

    static final String FILE_NAME = "mamori";

    /** The data directory of an embedded file database, or null for PostgreSQL or in-memory H2. */
    public Path embeddedDirectory() {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) return null;
        String rest = url.substring(prefix.length());
        int semi = rest.indexOf(';');
        Path file = Path.of(semi < 0 ? rest : rest.substring(0, semi));
        return file.toAbsolutePath().getParent();
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
