package jp.mamori.cli;

import java.util.concurrent.Callable;
import java.time.Clock;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.persistence.Database;
import jp.mamori.security.Accounts;
import jp.mamori.security.UserStore;
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

    /**
     * First run: an empty account table gets the administrator {@code admin}, whose one-time
     * password is printed here, once (it must be changed, and TOTP set up, at the first sign-in).
     */
    static void printFirstRunAdministrator(UserStore users) {
        users.createInitialAdminIfNone().ifPresent(created -> {
            System.out.println("初期管理者を作成しました / created the first administrator");
            System.out.println("  ユーザー名 / username: " + created.user().username());
            System.out.println("  ワンタイムパスワード / one-time password: " + created.oneTimePassword());
            System.out.println("  初回サインインでパスワード変更と二要素認証(TOTP)の設定が必要です。この表示は一度だけです。");
            System.out.println("  Change it and set up two-factor authentication (TOTP) at the first sign-in. It is shown only once.");
        });
    }

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
        try (Mamori mamori = Mamori.open(db, Clock.systemUTC(), MamoriSettings.of(database.dataDir()))) {
            printFirstRunAdministrator(Accounts.of(mamori).users());
        }
        MamoriWebApplication.start(db, bind, port, database.dataDir());
        serving = true;
        System.out.println("Mamori: http://" + ("0.0.0.0".equals(bind) ? "localhost" : bind) + ":" + port + "/ で待ち受けています / serving");
        return ExitCode.OK;
    }
}
