package jp.mamori.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.app.detection.ImportLogs;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.inventory.Organization;

/**
 * The demo's day of telework-gateway and proxy logs (issue 15): 300 ordinary sessions and three
 * hijacked ones whose desktops upload to online storage; imported through the same use cases as
 * {@code logs import}, then the incidents are printed first.
 */
final class DemoDetection {
    private DemoDetection() { }

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String GATEWAY_LOG = "ns-20261124.log";
    static final String PROXY_LOG = "squid-access-20261124.log";

    static void run(Mamori m, Organization org, Actor actor, Path tmp) throws IOException {
        m.detectionLists().addAllow(actor, org.id(), "sanctioned-domain", "mamori-city.sharepoint.com", "市の Microsoft 365（許可済み） / the city's Microsoft 365");
        SyntheticLogs.Day day = SyntheticLogs.demo(DAY, 300, true, 20261124L);
        Path gw = tmp.resolve(GATEWAY_LOG), px = tmp.resolve(PROXY_LOG);
        Files.writeString(gw, day.gateway(), StandardCharsets.UTF_8);
        Files.writeString(px, day.proxy(), StandardCharsets.UTF_8);
        ImportLogs.Result a = m.importLogs().run(actor, org.id(), List.of(new ImportLogs.Input(gw, GATEWAY_LOG)),
                new ImportLogs.Options(LogSource.NETSCALER, null, null, "vpn-gw-01"));
        ImportLogs.Result b = m.importLogs().run(actor, org.id(), List.of(new ImportLogs.Input(px, PROXY_LOG)),
                new ImportLogs.Options(LogSource.SQUID, SyntheticLogs.SQUID_FORMAT, null, null));
        boolean fresh = !a.files().get(0).alreadyImported();
        System.out.println("ログを読み込みました / logs loaded: " + GATEWAY_LOG + " " + a.files().get(0).lines() + " 行, " + PROXY_LOG + " "
                + b.files().get(0).lines() + " 行" + (fresh ? "" : "（取り込み済み / already imported）"));
        printIncidents(m, org);
    }

    static void printIncidents(Mamori m, Organization org) {
        List<IncidentRow> open = m.detections().incidents(org.id()).stream()
                .filter(i -> i.state() != jp.mamori.detection.store.DetectionStore.IncidentState.CLOSED).toList();
        System.out.println();
        if (open.isEmpty()) {
            System.out.println("【不正アクセスの疑い】なし / no open incident");
            return;
        }
        System.out.println("【不正アクセスの疑い】" + open.size() + " 件のインシデント / open incidents — 誰かがすでに中にいます / someone may already be inside");
        List<IncidentRow> oldestFirst = new java.util.ArrayList<>(open);
        java.util.Collections.reverse(oldestFirst);
        for (IncidentRow r : oldestFirst) {
            List<DetectionRow> tl = m.detections().timeline(org.id(), r.id());
            long bytes = tl.stream().filter(d -> d.bytesOut() != null && d.category().key().equals("exfiltration")).mapToLong(DetectionRow::bytesOut).max().orElse(0);
            String dest = tl.stream().filter(d -> d.destination() != null && d.category().key().equals("exfiltration")).map(DetectionRow::destination).findFirst().orElse("-");
            System.out.println("  インシデント #" + r.id() + " [" + r.severity().ja() + "] 利用者 " + r.userKey() + "  " + DetectionViews.local(r.opened())
                    + " 〜 " + DetectionViews.local(r.last()) + "  送信元 " + String.join(",", r.sourceIps()));
            System.out.println("    セッション乗っ取り → VDI 起動 → " + dest + " へ " + (bytes / (1024 * 1024)) + " MB 送信  "
                    + "機器 " + String.join(",", r.assets()) + "  脆弱性 " + String.join(",", r.vulns())
                    + (r.findings().isEmpty() ? "" : "（検出 #" + r.findings().get(0) + "）"));
            for (DetectionRow d : tl) {
                if (d.evidence().isEmpty()) continue;
                var e = d.evidence().get(d.evidence().size() - 1);
                System.out.println("    " + DetectionViews.local(d.at()) + " " + d.rule() + "  根拠 " + e.file() + ":" + e.line());
            }
        }
        System.out.println("  詳細 / details: mamori incidents show ID   （Web: /incidents）");
    }
}
