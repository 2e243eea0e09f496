package jp.mamori.cli;

import jp.mamori.advisory.index.MatchIndexes;
import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.InventoryRepository.NewAsset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.Segment;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.audit.AuditLog;
import jp.mamori.security.Role;
import jp.mamori.security.Accounts;
import jp.mamori.security.UserStore;
import jp.mamori.web.MamoriWebApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mamori demo}: a fictitious municipality (守里市) whose telework VPN/VDI gateway is an
 * internet-boundary appliance with a KEV-listed vulnerability, plus business systems with SBOMs in
 * every supported format, matched against a small feed set that ships with Mamori; beside it a second
 * municipality and the prefecture's security cloud serving both ({@link DemoPrefecture}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"デモ団体（守里市）と脆弱性情報を読み込み、今すぐ対応すべき検出を表示してWeb UIを起動します。",
                "Loads the demo municipality and sample feeds, prints the top findings, then serves (unless --no-serve)."})
public class DemoCommand implements Callable<Integer> {

    static final String ORG_CODE = "999999";
    static final String[] FEEDS = {"nvd-boundary-devices.json", "kev-demo.json", "epss-demo.csv", "jvn/jvnrss-log4shell.xml",
            "osv/GHSA-jfh8-c2jp-5v3q.json", "osv/GHSA-36p3-wjmg-h94x.json", "osv/GHSA-35jh-r3h4-6jhm.json"};

    @Mixin DatabaseOptions db = new DatabaseOptions();
    @Option(names = "--no-serve", description = "Web UIを起動しない / do not start the web server") boolean noServe;
    @Option(names = "--port", defaultValue = "8080", description = "HTTPポート / HTTP port (default: ${DEFAULT-VALUE})") int port;

    /** Who the demo's own actions are attributed to in the audit trail. */
    static final Actor DEMO = Actor.demo("mamori-demo", System.getProperty("user.name"));

    /** The demo's clock: the system's; a test sets another to run the demo on a given day. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        Database d = db.open();
        Mamori m = Mamori.open(d, clock, MamoriSettings.of(db.dataDir()));
        Path tmp = Files.createTempDirectory("mamori-demo-");
        try {
            Path feeds = copy(tmp.resolve("feeds"), "feeds", FEEDS);
            FeedFileImporter.Summary s = m.importFeeds().run(DEMO, List.of(feeds), null, null).summary();
            if (s.failed()) throw new IllegalStateException("demo feeds did not import: " + s.failures());
            System.out.println("脆弱性情報を読み込みました / feeds loaded: " + s.stats());
            m.matchIndexes().current().ifPresent(ix -> System.out.println("照合インデックス / compiled match index: 記述 " + ix.statementCount()
                    + " 件、パッケージ鍵 " + ix.packageKeyCount() + "、CPE鍵 " + ix.cpeKeyCount() + " (" + MatchIndexes.FILE + ")"));
            InventoryRepository repo = m.inventory();
            Organization org = repo.findOrganization(ORG_CODE).orElse(null);
            if (org == null) {
                org = createInventory(m, tmp.resolve("sbom"));
            } else {
                System.out.println("デモ団体は作成済みです / demo organisation exists: " + org.name());
            }
            for (Asset a : repo.listAssets(org.id())) m.assessment().assessAsset(org.id(), a.id(), DEMO.name());
            DemoPrefecture.setUp(m, org, DEMO, tmp);
            DemoDetection.run(m, org, DEMO, tmp);
            DemoRemediation.run(d, org, new RemediationContext(m));
            // after the demo's own decision, so that a second run prints the same table
            printSummary(m, org);
            DemoPartners.run(m, org);
            // after the partners, so that the overview's readiness state is the same on every run
            DemoPrefecture.print(m);
        } finally {
            deleteTree(tmp);
        }
        if (noServe) {
            d.close();
            return ExitCode.OK;
        }
        MamoriWebApplication.start(d, "127.0.0.1", port, db.dataDir());
        ServeCommand.markServing();
        System.out.println("\nWeb UI: http://127.0.0.1:" + port + "/  （Ctrl+C で終了 / stop with Ctrl+C）");
        return ExitCode.OK;
    }

    private Organization createInventory(Mamori m, Path sbomDir) throws IOException {
        Organization org = m.createOrganization().run(DEMO, ORG_CODE, "守里市（デモ）", "municipality");
        ItSystem telework = system(m, org, "telework", "テレワークシステム", Segment.INTERNET, new Importance("3B", "2", "2"), "情報政策課", "Aテック株式会社");
        ItSystem border = system(m, org, "border", "インターネット接続境界", Segment.INTERNET, new Importance("2", "2", "2"), "情報政策課", "Aテック株式会社");
        ItSystem juki = system(m, org, "juki", "住民記録システム", Segment.MYNUMBER, new Importance("3A", "2", "2"), "市民課", "Bシステムズ株式会社");
        ItSystem bunsho = system(m, org, "bunsho", "文書管理システム", Segment.LGWAN, new Importance("2", "1", "1"), "総務課", "Cソリューション株式会社");
        ItSystem shinsei = system(m, org, "shinsei", "電子申請受付システム", Segment.INTERNET, new Importance("3B", "2", "1"), "デジタル推進課", "Dネット株式会社");
        ItSystem mail = system(m, org, "mail", "メールシステム", Segment.LGWAN, new Importance("3C", "1", "2"), "情報政策課", "Aテック株式会社");
        Path dir = copy(sbomDir, "sbom", "telework-gateway.cdx.json", "juki-system.cdx.json", "bunsho-system.spdx.json",
                "denshi-shinsei.spdx", "firewall-vendor-table.csv", "mail-relay.cdx.xml");
        Asset gw = asset(m, org, telework, new NewAsset("vpn-gw-01", "テレワーク用VPN/VDIゲートウェイ",
                AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler Gateway", "13.1-49.13",
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*", Exposure.OPEN, true, "Aテック株式会社"));
        add(m, org, gw, dir.resolve("telework-gateway.cdx.json"));
        Asset fw = asset(m, org, border, new NewAsset("fw-01", "インターネット境界ファイアウォール",
                AssetKind.NETWORK_APPLIANCE, "Fortinet", "FortiGate (FortiOS)", "7.0.12",
                "cpe:2.3:o:fortinet:fortios:7.0.12:*:*:*:*:*:*:*", Exposure.OPEN, true, "Aテック株式会社"));
        add(m, org, fw, dir.resolve("firewall-vendor-table.csv"));
        Asset jukiAp = asset(m, org, juki, new NewAsset("juki-ap-01", "住民記録 業務APサーバ",
                AssetKind.SERVER, "Bシステムズ", "住民記録システム", "4.2.0", null, Exposure.SMALL, false, "Bシステムズ株式会社"));
        add(m, org, jukiAp, dir.resolve("juki-system.cdx.json"));
        Asset bunshoAp = asset(m, org, bunsho, new NewAsset("bunsho-ap-01", "文書管理サーバ",
                AssetKind.SERVER, "Cソリューション", "文書管理システム", "2.8", null, Exposure.CONTROLLED, false, "Cソリューション株式会社"));
        add(m, org, bunshoAp, dir.resolve("bunsho-system.spdx.json"));
        Asset web = asset(m, org, shinsei, new NewAsset("shinsei-web-01", "電子申請Webサーバ",
                AssetKind.APPLICATION, "Dネット", "電子申請受付システム", "1.4", null, Exposure.OPEN, false, "Dネット株式会社"));
        add(m, org, web, dir.resolve("denshi-shinsei.spdx"));
        Asset relay = asset(m, org, mail, new NewAsset("mail-relay-01", "メール中継サーバ",
                AssetKind.SERVER, null, "メール中継", "2026.07", null, Exposure.CONTROLLED, false, "Aテック株式会社"));
        add(m, org, relay, dir.resolve("mail-relay.cdx.xml"));
        System.out.println("デモ団体を作成しました / demo organisation created: " + org.name() + "（情報システム 6、資産 6、SBOM 6）");
        createUsers(m, org, juki);
        return org;
    }

    private static ItSystem system(Mamori m, Organization org, String code, String name, Segment segment, Importance importance,
                                   String owner, String vendor) {
        return m.createSystem().run(DEMO, org.id(), new CreateSystem.Input(code, name, segment, importance, owner, null, List.of(vendor)));
    }

    private static Asset asset(Mamori m, Organization org, ItSystem system, NewAsset a) {
        return m.createAsset().run(DEMO, org.id(), system.id(), a);
    }

    /** One account per role (SPEC §2), each with a one-time password that must be changed at first sign-in. */
    private static void createUsers(Mamori m, Organization org, ItSystem juki) {
        UserStore users = Accounts.of(m).users();
        ServeCommand.printFirstRunAdministrator(users);
        List<UserStore.NewUser> demo = List.of(
                new UserStore.NewUser("sec-officer", "情報セキュリティ担当（デモ）", Role.SECURITY_OFFICER, org.id(), null, null, true),
                new UserStore.NewUser("juki-admin", "住民記録システム管理者（デモ）", Role.SYSTEM_ADMIN, org.id(), java.util.Set.of(juki.id()), null, false),
                new UserStore.NewUser("vendor-atech", "Aテック株式会社（デモ）", Role.VENDOR, org.id(), null, "Aテック株式会社", false),
                new UserStore.NewUser("auditor", "監査担当（デモ）", Role.AUDITOR, org.id(), null, null, false));
        System.out.println("デモ利用者 / demo users (ワンタイムパスワード、初回サインインで変更 / one-time passwords, changed at first sign-in):");
        TextTable t = new TextTable("ユーザー名", "役割", "ワンタイムパスワード");
        for (UserStore.NewUser n : demo) {
            if (users.find(n.username()).isPresent()) continue;
            UserStore.Created c = users.create(n, DEMO.name());
            t.row(c.user().username(), n.role().name(), c.oneTimePassword());
        }
        System.out.print(t);
    }

    private static void add(Mamori m, Organization org, Asset asset, Path file) {
        m.addSbom().run(DEMO, org.id(), asset.id(), new AddSbom.Input(file, file.getFileName().toString(), asset.version(), true));
    }

    /** The worklist as the dashboard shows it: the same counts (Worklist), then the most urgent rows. */
    private static void printSummary(Mamori m, Organization org) {
        LocalDate today = m.today();
        jp.mamori.remediation.Worklist.Summary counts = m.worklist().summary(org.id(), today);
        System.out.println();
        System.out.println("【" + org.name() + "】今すぐ対応 — 直ちに対応(Act) " + counts.act() + " 件 / 優先して対応(Attend) " + counts.attend()
                + " 件 / 注視(Track*) " + counts.trackStar() + " 件 / 通常(Track) " + counts.track() + " 件 / 期限超過 " + counts.overdue()
                + " 件 / 未対応 計 " + counts.open() + " 件");
        TextTable t = new TextTable("対応", "期限", "脆弱性", "資産", "境界", "コンポーネント", "版", "修正版", "深刻度", "悪用", "状態");
        for (FindingRow r : m.worklist().rows(org.id(), jp.mamori.remediation.Worklist.Card.OPEN, f -> f, today, 10, 0)) {
            t.row(Labels.outcome(r.outcome()), r.due() + (r.overdue(today) ? " 期限超過" : ""), r.vulnId(), r.assetName(), r.boundary() ? "○" : "",
                    r.componentName(), r.componentVersion(), r.fixedIn(), Labels.severity(r.severity()), Labels.exploitation(r.exploitation()),
                    jp.mamori.remediation.FindingState.fromKey(r.state()).ja());
        }
        System.out.print(t);
    }

    static Path copy(Path target, String folder, String... names) throws IOException {
        for (String n : names) {
            Path out = target.resolve(n);
            Files.createDirectories(out.getParent());
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + folder + "/" + n)) {
                if (in == null) throw new IllegalStateException("demo resource missing: " + folder + "/" + n);
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary copies only
        }
    }
}
