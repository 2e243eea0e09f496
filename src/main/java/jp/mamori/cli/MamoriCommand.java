package jp.mamori.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of the command tree; subcommands are registered in {@link MamoriMain}. */
@Command(name = "mamori",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Mamori (守り) — 脆弱性・パッチ判断・インシデント対応準備 / vulnerability, patch-decision and incident-readiness",
        description = {
                "データベース: --data DIR (既定 ./data の組み込みH2) または環境変数 MAMORI_DB_URL / MAMORI_DB_USER / MAMORI_DB_PASSWORD (PostgreSQL)。",
                "Database: --data DIR (embedded H2, default ./data) or MAMORI_DB_URL / MAMORI_DB_USER / MAMORI_DB_PASSWORD (PostgreSQL).",
                "Exit codes: 0 success, 1 --fail-on threshold reached, 2 bad usage or input, 3 other failure."
        })
public class MamoriCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "サブコマンドを指定してください / a subcommand is required");
    }
}
