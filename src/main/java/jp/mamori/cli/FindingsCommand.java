package jp.mamori.cli;

import jp.mamori.app.Mamori;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.persistence.StoredJson;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingHistory;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingSummary;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.NoSuchFindingException;
import jp.mamori.remediation.SameProduct;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.VexJustification;
import jp.mamori.remediation.Worklist;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationItem;
import jp.mamori.remediation.schedule.Deadlines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori findings list|show|decide}: the stored findings and people's decisions on them. */
@Command(name = "findings", mixinStandardHelpOptions = true, description = {"検出の一覧・件数・詳細・対応判断", "Findings: list, summary, show, decide."},
        subcommands = {FindingsCommand.ListFindings.class, FindingsCommand.Summary.class, FindingsCommand.Show.class, FindingsCommand.Decide.class, FindingsCommand.Approve.class, FindingsCommand.OverrideInput.class})
public class FindingsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"検出の一覧（優先順） / findings, most urgent first",
            "  既定は未対応（パッチ未適用のすべての状態）・確定した一致のみ。ダッシュボードの各件数と同じ行です。",
            "  Default: every state still owing a patch, confirmed matches only: the rows the dashboard's cards count."})
    static class ListFindings extends OrganizationCommand {
        @Option(names = "--state", split = ",", paramLabel = "S", description = {
                "open（既定：未対応）| closed（完了）| all、または状態 / open (default: still owing a patch) | closed | all, or states:",
                "new, triaged, patch_scheduled, mitigation_planned, mitigated, risk_accepted, not_affected, false_positive, fixed"}) List<String> states;
        @Option(names = "--outcome", paramLabel = "O", description = "act | attend | track-star | track") String outcome;
        @Option(names = "--asset", paramLabel = "CODE", description = "資産コード / asset code") String assetCode;
        @Option(names = "--overdue", description = "期限超過のみ（適用中の期限が今日より前） / only those past the deadline in force") boolean overdue;
        @Option(names = "--boundary", description = "インターネット境界機器のみ / only internet-boundary devices") boolean boundary;
        @Option(names = "--candidates", description = "要確認の候補のみ（既定は確定した一致のみ） / only candidate matches awaiting review (default: confirmed only)") boolean candidates;
        @Option(names = "--limit", defaultValue = "200", description = "最大件数 / at most N (default: ${DEFAULT-VALUE})") int limit;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        private List<FindingState> st;
        private String out;

        @Override
        void check() {
            if (limit < 1) throw new BadInputException("--limit は 1 以上です / --limit must be at least 1");
            st = states(states);
            out = outcome == null ? null : outcome(outcome);
        }

        @Override
        Integer run(Mamori m, Organization o) {
            Database d = m.database();
            InventoryRepository repo = m.inventory();
            Long assetId = assetCode == null ? null : RemediationContext.guard(() -> repo.assets().find(o.id(), assetCode)
                    .orElseThrow(() -> new BadInputException("資産が見つかりません / no asset '" + assetCode + "'"))).id();
            FindingQuery q = m.findings();
            LocalDate today = m.today();
            FindingQuery.Filter f = new FindingQuery.Filter(st, out, null, assetId, candidates, null, null, null);
            FindingQuery.Search search = new FindingQuery.Search(null, null, boundary ? Boolean.TRUE : null, overdue ? today : null);
            List<FindingRow> rows = q.list(o.id(), f, search, FindingQuery.Sort.PRIORITY, false, limit, 0);
            long total = q.count(o.id(), f, search);
            Map<Long, StoredDecision> decisions = FindingsCommand.decisions(d, o.id());
            if (format == OutputFormat.json) {
                List<Object> items = new ArrayList<>();
                for (FindingRow r : rows) items.add(json(r, decisions.get(r.id()), today));
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("schema", "mamori.findings/1");
                doc.put("organization", o.code());
                doc.put("total", total);
                doc.put("findings", items);
                System.out.println(Json.pretty(doc));
                return ExitCode.OK;
            }
            TextTable t = new TextTable("ID", "対応", "期限", "状態", "脆弱性", "資産", "コンポーネント", "版", "判断", "期限・見直し日");
            for (FindingRow r : rows) {
                StoredDecision dec = decisions.get(r.id());
                boolean late = overdue(r, dec, today);
                t.row(r.id(), Labels.outcome(r.outcome()) + (r.suggested() ? " [推定]" : r.candidate() ? " [候補]" : ""), (r.due() == null ? "-" : r.due()) + (late ? " 期限超過" : ""),
                        FindingState.fromKey(r.state()).ja(), r.vulnId(), r.assetCode(), r.componentName(), r.componentVersion(),
                        dec == null ? "" : dec.action().ja(), dec == null || dec.until() == null ? "" : dec.until());
            }
            System.out.print(t);
            System.out.println(rows.size() + " / " + total + " 件 / findings");
            return ExitCode.OK;
        }

        /** open (default), closed, all, or a list of states. */
        static List<FindingState> states(List<String> given) {
            if (given == null || given.isEmpty()) return Worklist.OPEN_STATES;
            if (given.size() == 1) {
                switch (given.get(0).trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "open" -> { return Worklist.OPEN_STATES; }
                    case "closed" -> { return Worklist.CLOSED_STATES; }
                    case "all" -> { return null; }
                    default -> { }
                }
            }
            return given.stream().map(FindingsCommand::state).toList();
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = {
            "未対応の検出の件数（ダッシュボードの各件数と同じ） / counts of the findings still owing a patch, as the dashboard shows them"})
    static class Summary extends OrganizationCommand {
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        Integer run(Mamori m, Organization o) {
            LocalDate today = m.today();
            Worklist.Summary s = m.worklist().summary(o.id(), today);
            if (format == OutputFormat.json) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("act", s.act());
                counts.put("attend", s.attend());
                counts.put("trackStar", s.trackStar());
                counts.put("track", s.track());
                counts.put("overdue", s.overdue());
                counts.put("boundaryAct", s.boundaryAct());
                counts.put("open", s.open());
                counts.put("candidates", s.candidates());
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("schema", "mamori.findings.summary/1");
                doc.put("organization", o.code());
                doc.put("today", today.toString());
                doc.put("counts", counts);
                System.out.println(Json.pretty(doc));
                return ExitCode.OK;
            }
            System.out.println("【" + o.name() + "】未対応の検出 / findings still owing a patch（" + today + " Asia/Tokyo）");
            TextTable t = new TextTable("項目", "件数", "一覧を見る / list them");
            for (Worklist.Card c : Worklist.Card.values()) t.row(label(c), s.get(c), command(c));
            System.out.print(t);
            return ExitCode.OK;
        }

        static String label(Worklist.Card c) {
            return switch (c) {
                case OPEN -> "未対応（すべて） / still to patch";
                case ACT -> "直ちに対応(Act)";
                case ATTEND -> "優先して対応(Attend)";
                case TRACK_STAR -> "注視(Track*)";
                case TRACK -> "通常(Track)";
                case OVERDUE -> "期限超過 / overdue";
                case BOUNDARY_ACT -> "境界機器のAct / Act on boundary devices";
                case CANDIDATES -> "要確認の候補 / candidates to review";
            };
        }

        static String command(Worklist.Card c) {
            StringBuilder sb = new StringBuilder("mamori findings list");
            c.listParameters().forEach((k, v) -> sb.append(" --").append(k).append("true".equals(v) ? "" : " " + v));
            return sb.toString();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "検出の詳細（根拠・履歴・判断・回避策） / one finding with evidence, history, decisions, mitigations")
    static class Show extends OrganizationCommand {
        @Parameters(paramLabel = "ID", description = "検出ID / finding id") long id;
        @Option(names = "--format", defaultValue = "text", description = "text | json") OutputFormat format;

        @Override
        Integer run(Mamori m, Organization o) throws Exception {
            RemediationContext ctx = new RemediationContext(m);
            FindingRow r = RemediationContext.guard(() -> m.findings().find(o.id(), id)
                    .orElseThrow(() -> new NoSuchFindingException(id)));
            FindingHistory h = m.findingHistory();
            JsonNode evidence = StoredJson.MAPPER.readTree(h.evidence(o.id(), id).orElse("{}"));
            List<StoredDecision> decisions = h.decisions(o.id(), id);
            List<Mitigation> mitigations = ctx.mitigations.list(o.id(), id);
            List<MitigationItem> suggestions = mitigations.isEmpty() ? ctx.mitigations.suggest(o.id(), id) : List.of();
            List<FindingHistory.Event> events = h.events(o.id(), id);
            StoredDecision current = decisions.stream().filter(StoredDecision::current).reduce((a, b) -> b).orElse(null);
            FindingSummary summary = FindingSummary.of(r, evidence.toString(), current, mitigations);
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("finding", json(r, current, ctx.today()));
                doc.put("deadlineReason", Map.of("kind", summary.deadline().kind().key(), "ja", summary.deadline().ja(), "en", summary.deadline().en()));
                doc.put("nextAction", Map.of("ja", summary.next().ja(), "en", summary.next().en()));
                doc.put("evidence", evidence);
                doc.put("decisions", decisions);
                doc.put("mitigations", mitigations);
                doc.put("suggestedMitigations", suggestions);
                doc.put("history", events);
                System.out.println(Json.pretty(doc));
                return ExitCode.OK;
            }
            print(r, evidence, current, decisions, mitigations, suggestions, events, ctx.today(), summary);
            return ExitCode.OK;
        }

        private static void print(FindingRow r, JsonNode ev, StoredDecision current, List<StoredDecision> decisions, List<Mitigation> mitigations,
                                  List<MitigationItem> suggestions, List<FindingHistory.Event> events, LocalDate today, FindingSummary summary) {
            System.out.println("検出 #" + r.id() + "  " + r.vulnId() + "  " + Labels.outcome(r.outcome()) + "  状態: "
                    + FindingState.fromKey(r.state()).ja() + " (" + r.state() + ")");
            System.out.println("資産 / asset: " + r.assetName() + "（" + r.assetCode() + "）" + (r.boundary() ? " インターネット境界 / internet boundary" : "")
                    + "  情報システム / system: " + r.systemName());
            System.out.println("コンポーネント / component: " + (r.componentName() == null ? "-" : r.componentName()) + " "
                    + (r.componentVersion() == null ? "" : r.componentVersion()) + "  修正版 / fixed in: " + (r.fixedIn() == null || r.fixedIn().isBlank() ? "-" : r.fixedIn()));
            System.out.println("期限 / due: " + (r.due() == null ? "-" : r.due()) + (overdue(r, current, today) ? "（期限超過 / overdue）" : "")
                    + "  深刻度 / severity: " + Labels.severity(r.severity()) + (r.cvssScore() == null ? "" : " CVSS " + r.cvssScore())
                    + "  悪用 / exploitation: " + Labels.exploitation(r.exploitation()));
            System.out.println("期限の根拠 / deadline basis: " + summary.deadline().ja());
            System.out.println("    " + summary.deadline().en());
            System.out.println("次の対応 / next: " + summary.next().ja() + " / " + summary.next().en());
            System.out.println("一致 / match: " + r.matchBy() + "/" + r.matchSource() + " " + (r.criterion() == null ? "" : r.criterion())
                    + "（確度 / confidence " + r.confidence() + (r.suggested()
                            ? "、推定 / suggested: 識別子はMamoriの推定です。mamori sbom confirm-id で確認・却下できます / the identifier was suggested by Mamori;"
                                    + " confirm or reject it with mamori sbom confirm-id"
                            : r.candidate() ? "、候補 / candidate" : "") + "）");
            JsonNode ex = ev.path("explanation");
            if (ex.hasNonNull("ja")) {
                System.out.println("\n■ 説明 / why");
                System.out.println(ex.get("ja").asText());
                if (ex.hasNonNull("en")) System.out.println(ex.get("en").asText());
            }
            System.out.println("\n■ 対応判断 / decisions");
            if (decisions.isEmpty()) System.out.println("（なし / none）");
            for (StoredDecision d : decisions) {
                System.out.println((d.current() ? "● " : "○ ") + RemediationContext.dateTime(d.decidedAt()) + "  " + d.action().ja() + "（" + d.action().key() + "）"
                        + "  判断者 " + d.actor() + (d.approver() == null ? "" : "  承認者 " + d.approver())
                        + (d.until() == null ? "" : "  期限・見直し日 " + d.until()) + (d.justification() == null ? "" : "  VEX " + d.justification()));
                System.out.println("    理由 / reason: " + d.reason());
                if (!d.evidenceLinks().isEmpty()) System.out.println("    根拠 / evidence: " + String.join(" ", d.evidenceLinks()));
                if (!d.current()) System.out.println("    終了 / ended: " + d.supersededReason());
            }
            System.out.println("\n■ 回避策 / mitigations");
            if (!mitigations.isEmpty()) {
                TextTable t = new TextTable("ID", "出典", "項目", "状態", "担当", "見直し日");
                for (Mitigation m : mitigations) {
                    t.row(m.id(), m.source().key(), m.titleJa(), m.status().ja(), m.owner() == null ? "" : m.owner(),
                            m.reviewDate() == null ? "" : m.reviewDate() + (m.reviewDue(today) ? " 見直し" : ""));
                }
                System.out.print(t);
            } else if (!suggestions.isEmpty()) {
                System.out.println("（未登録の候補 / suggested, not yet recorded: `mamori mitigation suggest " + r.id() + "`）");
                for (MitigationItem i : suggestions) System.out.println("・" + i.titleJa() + " / " + i.titleEn());
            } else {
                System.out.println("（なし / none）");
            }
            System.out.println("\n■ 履歴 / history");
            for (FindingHistory.Event e : events) {
                System.out.println(RemediationContext.dateTime(e.at()) + "  " + e.kind() + (e.toState() == null ? "" : "  " + (e.fromState() == null ? "" : e.fromState() + " → ") + e.toState())
                        + "  (" + e.actor() + ")" + (e.detail() == null ? "" : "  " + e.detail()));
            }
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true, description = {"対応判断を記録します / record a decision on a finding",
            "  patch: パッチ適用（--until パッチ期限）  mitigate: 回避策（--until 見直し・パッチ期限）",
            "  accept: リスク受容（--until 受容期限、--approver 情報セキュリティ担当）  not-affected: 影響なし（--justification）",
            "  false-positive: 誤検出  triage: 確認済み  reopen: 再検討"})
    static class Decide extends OrganizationCommand {
        @Parameters(paramLabel = "ID", description = "検出ID / finding id") long id;
        @Option(names = "--action", required = true, description = "patch | mitigate | accept | not-affected | false-positive | triage | reopen") String action;
        @Option(names = "--reason", required = true, description = "理由 / why") String reason;
        @Option(names = "--until", paramLabel = "DATE", description = "期限・見直し日 / patch-by, review or expiry date (YYYY-MM-DD, Asia/Tokyo)") String until;
        @Option(names = "--approver", paramLabel = "USER", description = "承認者（情報セキュリティ担当） / approving security officer") String approver;
        @Option(names = "--justification", paramLabel = "J", description = "VEXの根拠 / VEX justification (not-affected)") String justification;
        @Option(names = "--evidence", paramLabel = "URL", description = "根拠リンク（複数可） / evidence link (repeatable)") List<String> evidence;
        @Option(names = "--by", paramLabel = "USER", description = "判断者 / who decides (default: MAMORI_USER or the OS user)") String by;
        @Option(names = "--same-product", description = "同じ製品の全資産の同じ脆弱性にも適用 / apply to every asset with the same product") boolean sameProduct;
        @Option(names = "--yes", description = "確認なしで適用 / confirm (with --same-product)") boolean yes;

        private DecisionAction a;
        private VexJustification j;
        private LocalDate date;

        @Override
        void check() {
            a = RemediationContext.guard(() -> DecisionAction.fromKey(action));
            j = justification == null ? null : RemediationContext.guard(() -> VexJustification.fromKey(justification));
            date = RemediationContext.date(until, "--until");
            if (yes && !sameProduct) throw new BadInputException("--yes は --same-product と一緒に使います / --yes goes with --same-product");
        }

        @Override
        Integer run(Mamori m, Organization o) {
            RemediationContext ctx = new RemediationContext(m);
            jp.mamori.app.Actor actor = CliActor.of(by);
            Decision decision = new Decision(a, reason, actor.name(), approver, date, evidence, j);
            if (!sameProduct) {
                var r = RemediationContext.guard(() -> m.decideFinding().run(actor, o.id(), id, decision));
                printResult(r.decision());
                RemediationContext.report(r.notifications());
            } else {
                SameProduct.Result r = RemediationContext.guard(() -> m.decideFinding().sameProduct(actor, o.id(), id, decision, yes));
                TextTable t = new TextTable("ID", "資産", "コンポーネント", "版", "状態", "適用");
                for (SameProduct.Candidate c : r.candidates()) {
                    t.row(c.findingId(), c.assetCode(), c.componentName(), c.componentVersion(), c.state().ja(), c.allowed() ? "○" : "×（状態により対象外）");
                }
                System.out.print(t);
                if (!r.applied()) {
                    System.out.println("同じ製品の " + r.candidates().size() + " 件が対象です。記録するには --yes を付けて再実行してください。");
                    System.out.println(r.candidates().size() + " finding(s) concerned; nothing recorded yet: run again with --yes to apply.");
                    return ExitCode.OK;
                }
                r.results().forEach(FindingsCommand::printResult);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true, description = {
            "SSVCの入力を検出ごとに上書きします（理由を記録） / override one SSVC input of a finding, with a reason",
            "  --input exploitation|automatable|technical-impact|exposure|mission|human-impact"})
    static class OverrideInput extends OrganizationCommand {
        @Parameters(paramLabel = "ID", description = "検出ID / finding id") long id;
        @Option(names = "--input", required = true) String input;
        @Option(names = "--value", required = true, description = "e.g. active | poc | none; yes | no; total | partial; open | controlled | small; low | medium | high") String value;
        @Option(names = "--reason", required = true, description = "理由 / why") String reason;
        @Option(names = "--by", paramLabel = "USER", description = "判断者 / who (default: MAMORI_USER or the OS user)") String by;

        @Override
        Integer run(Mamori m, Organization o2) {
            var r = RemediationContext.guard(() -> m.overrideSsvcInput().run(CliActor.of(by), o2.id(), id, input, value, reason));
            System.out.println("上書きを記録しました / override recorded: 検出 #" + id + " " + input + " = " + value
                    + " → " + Labels.outcome(r.finding().outcome()) + "、期限 " + r.finding().due());
            return ExitCode.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = {
            "承認待ちのリスク受容を承認します（指名された情報セキュリティ担当のみ） / approve a pending risk acceptance (the named security officer only)",
            "  承認待ちの一覧は ID を省略 / without ID: list the pending ones"})
    static class Approve extends OrganizationCommand {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "承認依頼ID / acceptance request id") Long id;
        @Option(names = "--by", paramLabel = "USER", description = "承認者 / who approves (default: MAMORI_USER or the OS user); must be the named approver") String by;

        @Override
        Integer run(Mamori m, Organization o) {
            if (id == null) {
                TextTable t = new TextTable("ID", "検出", "記録者", "承認者", "受容期限", "理由");
                for (var r : m.acceptanceRequests().pending(o.id(), null)) {
                    t.row(r.id(), r.findingId(), r.requestedBy(), r.approver(), r.until(), r.reason());
                }
                System.out.print(t);
                return ExitCode.OK;
            }
            jp.mamori.app.Actor actor = CliActor.of(by);
            var r = RemediationContext.guard(() -> {
                try {
                    return m.approveAcceptance().run(actor, o.id(), id);
                } catch (jp.mamori.remediation.FindingWorkflow.NoSuchAcceptanceRequestException e) {
                    throw new IllegalArgumentException("承認依頼 #" + id + " はありません / no acceptance request #" + id + " in " + o.code(), e);
                }
            });
            System.out.println("リスク受容を承認しました / risk acceptance approved: 依頼 #" + id + "（承認者 " + actor.name() + "）");
            printResult(r.decision());
            RemediationContext.report(r.notifications());
            return ExitCode.OK;
        }
    }

    private static void printResult(DecisionResult r) {
        if (r.pending()) {
            System.out.println("リスク受容を承認依頼 #" + r.pendingApproval() + " として記録しました。指名された承認者が `mamori findings approve "
                    + r.pendingApproval() + " --by 承認者` で承認するまで状態は変わりません / risk acceptance recorded as request #"
                    + r.pendingApproval() + "; the finding stays " + r.from().key() + " until the named approver approves it");
            return;
        }
        System.out.println("対応判断を記録しました / decision recorded: 検出 #" + r.findingId() + " " + r.from().ja() + " → " + r.to().ja()
                + " (" + r.from().key() + " → " + r.to().key() + ")" + (r.mitigationsAdded() > 0 ? "、回避策 " + r.mitigationsAdded() + " 件を追加 / mitigations added" : ""));
    }

    static Map<Long, StoredDecision> decisions(Database d, long orgId) {
        try (var c = d.connection()) {
            return jp.mamori.remediation.DecisionStore.currentByFinding(c, orgId, null);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    static boolean overdue(FindingRow r, StoredDecision d, LocalDate today) {
        FindingState s = FindingState.fromKey(r.state());
        if (!Deadlines.watched(s) || r.candidate()) return false;
        LocalDate due = Deadlines.effective(s, r.due(), d == null ? null : d.until());
        return due != null && due.isBefore(today);
    }

    static Map<String, Object> json(FindingRow r, StoredDecision d, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("vulnId", r.vulnId());
        m.put("outcome", r.outcome());
        m.put("due", r.due());
        m.put("overdue", overdue(r, d, today));
        m.put("state", r.state());
        m.put("stateJa", FindingState.fromKey(r.state()).ja());
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("code", r.assetCode());
        asset.put("name", r.assetName());
        asset.put("boundary", r.boundary());
        m.put("asset", asset);
        m.put("system", r.systemName());
        Map<String, Object> comp = new LinkedHashMap<>();
        comp.put("name", r.componentName());
        comp.put("version", r.componentVersion());
        m.put("component", comp);
        m.put("fixedIn", r.fixedIn());
        m.put("severity", r.severity());
        m.put("cvss", r.cvssScore());
        m.put("exploitation", r.exploitation());
        m.put("candidate", r.candidate());
        if (r.suggested()) m.put("suggestedIdentifier", true);
        if (d != null) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            dm.put("action", d.action().key());
            dm.put("reason", d.reason());
            dm.put("actor", d.actor());
            dm.put("approver", d.approver());
            dm.put("until", d.until());
            dm.put("justification", d.justification());
            dm.put("decidedAt", d.decidedAt());
            dm.put("evidence", d.evidenceLinks());
            m.put("decision", dm);
        }
        return m;
    }

    static FindingState state(String s) {
        try {
            return FindingState.fromKey(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--state が不正です / unknown state '" + s + "' (open, closed, all, new, triaged, patch_scheduled, mitigation_planned, mitigated, risk_accepted, "
                    + "not_affected, false_positive, fixed)");
        }
    }

    static String outcome(String s) {
        try {
            return jp.mamori.triage.ssvc.Outcome.fromKey(s.trim().toLowerCase(java.util.Locale.ROOT)).key();
        } catch (RuntimeException e) {
            throw new BadInputException("--outcome が不正です / unknown outcome '" + s + "' (act, attend, track-star, track)");
        }
    }
}
