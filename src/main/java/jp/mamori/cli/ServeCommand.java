package jp.mamori.cli;

import java.util.concurrent.Callable;
import jp.mamori.persistence.Database;
import jp.mamori.web.MamoriWebApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mamori serve}: the web UI and REST API on one port. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Web UIとREST APIを起動します。", "Starts the web UI and REST API."})
public class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", description = "HTTPポート / HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "待ち受けアドレス / bind address (default: ${DEFAULT-VALUE}; use 0.0.0.0 behind a TLS proxy)")
    String bind;

    static boolean isServing() {
        return serving;
    }

    /** The web server runs on its own threads: main must not exit the JVM. */
    static void markServing() {
        serving = true;
    }

    @Override
    public Integer call() {
        Database db = database.open();
        MamoriWebApplication.start(db, bind, port);
        serving = true;
        System.out.println("Mamori: http://" + ("0.0.0.0".equals(bind) ? "localhost" : bind) + ":" + port + "/ で待ち受けています / serving");
        return ExitCode.OK;
    }
}
