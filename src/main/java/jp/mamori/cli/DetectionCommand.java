package jp.mamori.cli;

import java.nio.file.Path;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.app.detection.ManageDetectionPolicy;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.store.DetectionStore.AllowRow;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori detection allow add|remove|import|list}, {@code mamori detection policy show|set} and {@code mamori detection desktops import}. */
@Command(name = "detection", mixinStandardHelpOptions = true, description = {"検知の設定（許可リスト・仮想デスクトップ）", "Detection settings: allow-list, VDI desktops."},
        subcommands = {DetectionCommand.Allow.class, DetectionCommand.Policy.class, DetectionCommand.Desktops.class})
public class DetectionCommand {

    @Command(name = "allow", mixinStandardHelpOptions = true, description = "許可リスト / allow-list",
            subcommands = {Allow.Add.class, Allow.Remove.class, Allow.Import.class, Allow.ListAllow.class})
    static class Allow {
        @Command(name = "add", mixinStandardHelpOptions = true, description = "1 件追加 / add one entry")
        static class Add extends OrganizationCommand {
            @Option(names = "--kind", required = true, paramLabel = "K", description = "egress | cgnat | trusted-proxy | sanctioned-domain | storage-domain") String kind;
            @Option(names = "--note", paramLabel = "TEXT") String note;
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(paramLabel = "VALUE", description = "CIDR またはドメイン / CIDR range or domain") String value;

            @Override
            Integer run(Mamori m, Organization o) {
                int n = m.detectionLists().addAllow(CliActor.of(by), o.id(), kind, value, note);
                System.out.println(n == 0 ? "登録済みです / already listed" : "追加しました / added: " + kind + " " + value);
                return ExitCode.OK;
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "1 件削除 / remove one entry")
        static class Remove extends OrganizationCommand {
            @Option(names = "--kind", required = true, paramLabel = "K", description = "egress | cgnat | trusted-proxy | sanctioned-domain | storage-domain") String kind;
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(paramLabel = "VALUE", description = "登録した CIDR またはドメイン / the CIDR range or domain as listed") String value;

            @Override
            Integer run(Mamori m, Organization o) {
                AllowEntry e = m.detectionLists().removeAllow(CliActor.of(by), o.id(), kind, value);
                System.out.println("削除しました / removed: " + e.kind().key() + " " + e.value());
                return ExitCode.OK;
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true, description = "タブ区切り（kind, value, note）を取り込む / import kind<TAB>value<TAB>note")
        static class Import extends TabSeparatedImport {
            @Override
            int load(Mamori m, Organization o) {
                return m.detectionLists().importAllow(CliActor.of(by), o.id(), file);
            }

            @Override
            String done(int n) {
                return "追加しました / added: " + n + " 件";
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "一覧 / list")
        static class ListAllow extends OrganizationReport<List<AllowRow>> {
            @Override
            List<AllowRow> read(Mamori m, Organization o) {
                return m.detections().allowRows(o.id());
            }

            /** The objects of {@code GET /api/v1/detection/allow}. */
            @Override
            Object json(List<AllowRow> rows) {
                return rows.stream().map(DetectionViews::allow).toList();
            }

            @Override
            void print(Mamori m, Organization o, List<AllowRow> rows) {
                TextTable t = new TextTable("種別", "値", "説明", "メモ", "登録者", "登録日時");
                for (AllowRow r : rows) {
                    AllowEntry e = r.entry();
                    t.row(e.kind().key(), e.value(), e.kind().ja(), e.note() == null ? "" : e.note(), r.createdBy(), DetectionViews.local(r.createdAt()));
                }
                System.out.print(t);
            }
        }
    }

    @Command(name = "policy", mixinStandardHelpOptions = true, description = "しきい値・時間窓（団体ごと） / the organisation's thresholds and windows",
            subcommands = {Policy.Show.class, Policy.Set.class})
    static class Policy {
        @Command(name = "show", mixinStandardHelpOptions = true, description = "表示 / show")
        static class Show extends OrganizationReport<List<ManageDetectionPolicy.Row>> {
            @Override
            List<ManageDetectionPolicy.Row> read(Mamori m, Organization o) {
                return m.detectionPolicyEdits().show(o.id());
            }

            /** The objects of {@code GET /api/v1/detection/policy}. */
            @Override
            Object json(List<ManageDetectionPolicy.Row> rows) {
                return ManageDetectionPolicy.json(rows);
            }

            @Override
            void print(Mamori m, Organization o, List<ManageDetectionPolicy.Row> rows) {
                TextTable t = new TextTable("項目", "値", "設定元", "ポリシーファイル・既定");
                for (ManageDetectionPolicy.Row r : rows) {
                    t.row(r.setting().key(), r.text(), r.own() ? "団体 / organization" : "ファイル・既定 / file", r.fileText());
                }
                System.out.print(t);
            }
        }

        @Command(name = "set", mixinStandardHelpOptions = true,
                description = {"1 項目を変更（default でポリシーファイルの値に戻す） / change one setting (default: the policy file's value again)",
                        "upload-bytes-per-hour 50MB | upload-requests-per-hour 20 | concurrent-window 30m | session-idle 1h | incident-window 48h"})
        static class Set extends OrganizationCommand {
            @Option(names = "--by", paramLabel = "NAME") String by;
            @Parameters(index = "0", paramLabel = "KEY") String key;
            @Parameters(index = "1", paramLabel = "VALUE") String value;

            @Override
            Integer run(Mamori m, Organization o) {
                List<String> changed = m.detectionPolicyEdits().set(CliActor.of(by), o.id(), java.util.Map.of(key, value));
                System.out.println(changed.isEmpty() ? "変更はありません / unchanged" : "変更しました / changed: " + String.join(" ", changed));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "desktops", mixinStandardHelpOptions = true, description = "仮想デスクトップの一覧 / VDI desktops", subcommands = {Desktops.Import.class})
    static class Desktops {
        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "タブ区切り・見出し付き（user, host, address[, department, kind]） / tab-separated with a header")
        static class Import extends TabSeparatedImport {
            @Override
            int load(Mamori m, Organization o) {
                return m.detectionLists().importDesktops(CliActor.of(by), o.id(), file);
            }

            @Override
            String done(int n) {
                return "取り込みました / imported: " + n + " 件";
            }
        }
    }

    /** A tab-separated list the detection reads, imported by an auditable user. */
    abstract static class TabSeparatedImport extends OrganizationCommand {
        @Option(names = "--by", paramLabel = "NAME") String by;
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        final Integer run(Mamori m, Organization o) {
            System.out.println(done(load(m, o)));
            return ExitCode.OK;
        }

        abstract int load(Mamori m, Organization o);

        abstract String done(int n);
    }
}
