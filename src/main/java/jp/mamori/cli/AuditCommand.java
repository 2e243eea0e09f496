package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mamori audit verify|list}. {@code verify} exits 0 when the chain is intact ("OK, N
 * entries") and 3 when it is broken, naming the first entry that does not fit (exit 1 is kept for
 * --fail-on thresholds and 2 for bad input).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = {"監査ログ", "The audit trail."},
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
public class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"監査ログのハッシュ連鎖を検証します（改ざん検出）。終了コード: 0 正常、3 破損（最初の破損箇所を表示）",
                    "Verifies the hash chain. Exit 0: intact; 3: broken (the first broken entry is named)."})
    static class Verify implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                AuditLog.Verification v = mamori.audit().verify();
                if (v.intact()) {
                    System.out.println("OK, " + v.entries() + " entries / 監査ログは改ざんされていません（" + v.entries() + "件）");
                    return ExitCode.OK;
                }
                System.out.println("BROKEN at entry " + v.firstBrokenId() + ": " + v.reason()
                        + " / 監査ログの破損を検出しました: 最初の破損はエントリ " + v.firstBrokenId() + "（それより前の " + v.entries() + " 件は正常）");
                return ExitCode.FAILURE;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "監査ログ（新しい順） / audit entries, newest first")
    static class ListEvents implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--org", paramLabel = "CODE", description = "この団体のみ / only this organisation's entries") String org;
        @Option(names = "--limit", defaultValue = "50", description = "件数 / how many (default: ${DEFAULT-VALUE})") int limit;
        @Option(names = "--before", paramLabel = "ID", description = "このIDより前 / entries before this id (paging)") Long before;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            if (limit < 1) throw new BadInputException("--limit must be at least 1");
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                InventoryRepository inv = mamori.inventory();
                Long orgId = org == null ? null : inv.findOrganization(org)
                        .orElseThrow(() -> new BadInputException("団体が見つかりません / no organisation with code '" + org + "'")).id();
                Map<Long, String> codes = new java.util.HashMap<>();
                inv.listOrganizations().forEach(o -> codes.put(o.id(), o.code()));
                List<AuditEvent> events = mamori.audit().list(orgId, orgId == null, before, limit);
                if (format == OutputFormat.json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (AuditEvent e : events) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", e.id());
                        m.put("at", jp.mamori.app.TokyoTime.iso(e.at()));
                        m.put("actor", e.actor());
                        m.put("organization", e.organizationId() == null ? null : codes.get(e.organizationId()));
                        m.put("action", e.action());
                        m.put("target", e.target());
                        m.put("detail", e.detail());
                        m.put("hash", e.hash());
                        out.add(m);
                    }
                    System.out.println(Json.pretty(out));
                } else {
                    TextTable t = new TextTable("ID", "日時（日本時間）", "実行者", "団体", "操作", "対象", "詳細");
                    events.forEach(e -> t.row(e.id(), jp.mamori.app.TokyoTime.seconds(e.at()), e.actor(), e.organizationId() == null ? "" : codes.get(e.organizationId()),
                            jp.mamori.app.AuditWords.action(e.action(), false) + " (" + e.action() + ")", e.target(),
                            jp.mamori.app.AuditWords.detail(e.action(), e.detail(), false)));
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }
}
