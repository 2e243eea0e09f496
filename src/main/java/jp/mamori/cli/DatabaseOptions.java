package jp.mamori.cli;

import java.nio.file.Path;
import java.time.Clock;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that touches the database takes (SPEC §5). */
public class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "組み込みデータベースの場所 / embedded database directory (default: ${DEFAULT-VALUE}); "
                    + "ignored when MAMORI_DB_URL is set")
    Path dataDir;

    public Path dataDir() {
        return dataDir;
    }

    public DatabaseSettings settings() {
        return DatabaseSettings.resolve(dataDir, System.getenv());
    }

    public Database open() {
        DatabaseSettings primary = settings();
        return Database.open(primary, DatabaseSettings.replica(System.getenv(), primary));
    }

    /** Mamori over this command's database, closed with it. */
    public Mamori mamori() {
        return Mamori.owning(open(), Clock.systemUTC(), MamoriSettings.of(dataDir));
    }
}
