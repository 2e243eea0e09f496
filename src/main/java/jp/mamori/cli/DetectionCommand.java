package jp.mamori.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori detection allow add|import|list} and {@code mamori detection desktops import}. */
@Command(name = "detection", mixinStandardHelpOptions = true, description = {"検知の設定（許可リスト・仮想デスクトップ）", "Detection settings: allow-list, VDI desktops."},
        subcommands = {DetectionCommand.Allow.class, DetectionCommand.Desktops.class})
public class DetectionCommand {

    @Command(name = "allow", mixinStandardHelpOptions = true, description = "許可リスト / allow-list",
            subcommands = {Allow.Add.class, Allow.Import.class, Allow.ListAllow.class})
    static class Allow {
        @Command(name = "add", mixinStandardHelpOptions = true, description = "1 件追加 / add one entry")
        static class Add implements Callable<Integer> {
            @Mixin DatabaseOptions db = new DatabaseOptions();
            @Mixin OrgOption org = new OrgOption();
            @Option(names = "--kind", required = true, paramLabel = "K", description = "egress | cgnat | trusted-proxy | sanctioned-domain | storage-domain") String kind;
            @Option(names = "--note", paramLabel = "TEXT") String note;
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(paramLabel = "VALUE", description = "CIDR またはドメイン / CIDR range or domain") String value;

            @Override
            public Integer call() {
                try (Mamori m = db.mamori()) {
                    Organization o = org.resolve(m.inventory());
                    int n = m.detectionLists().addAllow(CliActor.of(by), o.id(), kind, value, note);
                    System.out.println(n == 0 ? "登録済みです / already listed" : "追加しました / added: " + kind + " " + value);
                    return ExitCode.OK;
                }
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true, description = "タブ区切り（kind, value, note）を取り込む / import kind<TAB>value<TAB>note")
        static class Import implements Callable<Integer> {
            @Mixin DatabaseOptions db = new DatabaseOptions();
            @Mixin OrgOption org = new OrgOption();
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(paramLabel = "FILE") Path file;

            @Override
            public Integer call() {
                try (Mamori m = db.mamori()) {
                    Organization o = org.resolve(m.inventory());
                    int n = m.detectionLists().importAllow(CliActor.of(by), o.id(), file);
                    System.out.println("追加しました / added: " + n + " 件");
                    return ExitCode.OK;
                }
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "一覧 / list")
        static class ListAllow implements Callable<Integer> {
            @Mixin DatabaseOptions db = new DatabaseOptions();
            @Mixin OrgOption org = new OrgOption();

            @Override
            public Integer call() {
                try (Mamori m = db.mamori()) {
                    Organization o = org.resolve(m.inventory());
                    TextTable t = new TextTable("種別", "値", "説明", "メモ");
                    for (AllowEntry e : m.detections().allowList(o.id())) t.row(e.kind().key(), e.value(), e.kind().ja(), e.note() == null ? "" : e.note());
                    System.out.print(t);
                    return ExitCode.OK;
                }
            }
        }
    }

    @Command(name = "desktops", mixinStandardHelpOptions = true, description = "仮想デスクトップの一覧 / VDI desktops", subcommands = {Desktops.Import.class})
    static class Desktops {
        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "タブ区切り・見出し付き（user, host, address[, department, kind]） / tab-separated with a header")
        static class Import implements Callable<Integer> {
            @Mixin DatabaseOptions db = new DatabaseOptions();
            @Mixin OrgOption org = new OrgOption();
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(paramLabel = "FILE") Path file;

            @Override
            public Integer call() {
                try (Mamori m = db.mamori()) {
                    Organization o = org.resolve(m.inventory());
                    int n = m.detectionLists().importDesktops(CliActor.of(by), o.id(), file);
                    System.out.println("取り込みました / imported: " + n + " 件");
                    return ExitCode.OK;
                }
            }
        }
    }
}
