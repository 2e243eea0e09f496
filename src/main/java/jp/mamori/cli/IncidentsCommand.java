package jp.mamori.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.detection.store.DetectionStore.IncidentState;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori incidents list|show|state}: correlated detections per user, with timeline and checklist. */
@Command(name = "incidents", mixinStandardHelpOptions = true, description = {"インシデント（不正アクセスの疑い）", "Incidents (suspected intrusions)."},
        subcommands = {IncidentsCommand.ListIncidents.class, IncidentsCommand.Show.class, IncidentsCommand.State.class})
public class IncidentsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "インシデントの一覧 / incidents, newest first")
    static class ListIncidents extends OrganizationReport<List<IncidentRow>> {
        @Override
        List<IncidentRow> read(Mamori m, Organization o) {
            return m.detections().incidents(o.id());
        }

        @Override
        Object json(List<IncidentRow> rows) {
            return rows.stream().map(DetectionViews::incident).toList();
        }

        @Override
        void print(Mamori m, Organization o, List<IncidentRow> rows) {
            System.out.print(table(rows));
            System.out.println(rows.size() + " 件 / incidents");
        }
    }

    static TextTable table(List<IncidentRow> rows) {
        TextTable t = new TextTable("ID", "状態", "重要度", "利用者", "検知", "開始", "最終", "送信元", "機器", "脆弱性");
        for (IncidentRow r : rows) {
            t.row("#" + r.id(), r.state().ja(), r.severity().ja(), r.userKey(), r.detections(), DetectionViews.local(r.opened()), DetectionViews.local(r.last()),
                    String.join(",", r.sourceIps()), String.join(",", r.assets()), String.join(",", r.vulns()));
        }
        return t;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "インシデントの時系列・根拠・対応手順 / timeline, evidence and checklist")
    static class Show extends OrganizationReport<Show.Shown> {
        @Parameters(paramLabel = "ID") long id;

        record Shown(IncidentRow incident, List<DetectionRow> timeline) { }

        @Override
        Shown read(Mamori m, Organization o) {
            IncidentRow r = m.detections().incident(o.id(), id).orElseThrow(() -> new BadInputException("インシデントが見つかりません / no incident " + id));
            return new Shown(r, m.detections().timeline(o.id(), id));
        }

        /** The incident's fields, then its timeline and checklist. */
        @JsonPropertyOrder({"incident", "timeline", "checklist"})
        record Doc(@JsonUnwrapped DetectionViews.Incident incident, List<DetectionViews.Detection> timeline, List<DetectionViews.Bilingual> checklist) { }

        @Override
        Object json(Shown shown) {
            return new Doc(DetectionViews.incident(shown.incident()), shown.timeline().stream().map(DetectionViews::detection).toList(),
                    DetectionViews.checklistJson(shown.incident()));
        }

        @Override
        void print(Mamori m, Organization o, Shown shown) {
            IncidentsCommand.print(shown.incident(), shown.timeline());
        }
    }

    static void print(IncidentRow r, List<DetectionRow> timeline) {
        System.out.println("インシデント #" + r.id() + "  状態: " + r.state().ja() + " (" + r.state().key() + ")  重要度: " + r.severity().ja()
                + "  利用者 / user: " + r.userKey());
        System.out.println("期間 / period: " + DetectionViews.local(r.opened()) + " 〜 " + DetectionViews.local(r.last()) + "（日本時間 / Asia/Tokyo）");
        System.out.println("送信元 / addresses: " + String.join(", ", r.sourceIps()) + "  セッション / sessions: " + String.join(", ", r.sessions()));
        System.out.println("機器 / assets: " + String.join(", ", r.assets()) + "  脆弱性 / vulnerabilities: " + String.join(", ", r.vulns())
                + (r.findings().isEmpty() ? "" : "  検出 / findings: #" + r.findings().stream().map(String::valueOf).reduce((a, b) -> a + ", #" + b).orElse("")));
        System.out.println("\n■ 時系列 / timeline");
        for (DetectionRow d : timeline) printDetection(d);
        System.out.println("\n■ 対応手順 / checklist");
        int n = 1;
        for (String[] c : DetectionViews.checklist(r)) System.out.println("  " + (n++) + ". " + c[0] + "\n     " + c[1]);
    }

    static void printDetection(DetectionRow d) {
        System.out.println("  " + DetectionViews.local(d.at()) + "  [" + d.severity().ja() + "] " + d.category().ja() + " — " + d.rule() + " (検知 #" + d.id() + ")");
        System.out.println("    " + d.summaryJa());
        System.out.println("    " + d.summaryEn());
        for (Evidence e : d.evidence()) {
            String text = e.text() == null ? "" : e.text();
            System.out.println("    根拠 / evidence " + e.file() + ":" + e.line() + "  " + (text.length() > 220 ? text.substring(0, 220) + "…" : text));
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true, description = "インシデントの状態を変更 / change an incident's state")
    static class State extends OrganizationCommand {
        @Parameters(index = "0", paramLabel = "ID") long id;
        @Parameters(index = "1", paramLabel = "STATE", description = "open | contained | closed") String state;
        @Option(names = "--note", paramLabel = "TEXT", description = "理由・経緯 / note") String note;
        @Option(names = "--by", paramLabel = "NAME", description = "実施者 / who does this (audit)") String by;

        @Override
        Integer run(Mamori m, Organization o) {
            IncidentState from = m.changeIncidentState().run(CliActor.of(by), o.id(), id, state, note);
            System.out.println("インシデント #" + id + ": " + from.ja() + " → " + IncidentState.fromKey(state).ja());
            return ExitCode.OK;
        }
    }
}
