package jp.mamori.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.InventoryRepository.NewAsset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import jp.mamori.security.Role;
import jp.mamori.security.Accounts;
import jp.mamori.security.UserStore;

/**
 * The demo's prefecture story (issue 17): beside 守里市 a second municipality (守里町) with its own
 * telework gateway and mail relay, both served by the prefecture's security cloud (守里県), whose
 * operator sees per municipality only counts — the same numbers as each municipality's own dashboard.
 * Created once, through the same use cases as the command line; the overview is printed on every run.
 */
final class DemoPrefecture {
    private DemoPrefecture() { }

    static final String PREFECTURE_CODE = "990000";
    static final String TOWN_CODE = "999998";

    /** Creates the town, the prefecture and their demo users once; re-assesses the town's assets on every run. */
    static void setUp(Mamori m, Organization city, Actor demo, Path tmp) throws IOException {
        InventoryRepository repo = m.inventory();
        if (repo.defaultOrganization().isEmpty()) {
            // the README's commands after the demo work on 守里市 without --org, as before the town and the prefecture existed
            repo.setDefaultOrganization(city.code());
            m.audit().append(new AuditLog.Entry(demo.auditName(), city.id(), "organization.settings_changed", "organization:" + city.code(),
                    demo.auditVia() + " cli_default=" + city.code()));
        }
        Organization town = repo.findOrganization(TOWN_CODE).orElse(null);
        if (town == null) {
            town = createTown(m, demo, tmp);
        }
        Organization pref = repo.findOrganization(PREFECTURE_CODE).orElse(null);
        if (pref == null) {
            pref = m.createOrganization().run(demo, PREFECTURE_CODE, "守里県セキュリティクラウド（デモ）", "prefecture");
            m.prefecture().addMember(demo, PREFECTURE_CODE, city.code());
            m.prefecture().addMember(demo, PREFECTURE_CODE, TOWN_CODE);
            System.out.println("都道府県セキュリティクラウドを作成しました / demo prefecture created: " + pref.name() + "（参加団体 " + city.name() + "、" + town.name() + "）");
            users(m, demo, List.of(
                    new UserStore.NewUser("pref-operator", "セキュリティクラウド運用者（デモ）", Role.PREFECTURE_OPERATOR, pref.id(), null, null, false),
                    new UserStore.NewUser("town-officer", "守里町 情報セキュリティ担当（デモ）", Role.SECURITY_OFFICER, town.id(), null, null, true)));
        } else {
            System.out.println("デモの都道府県セキュリティクラウドは作成済みです / demo prefecture exists: " + pref.name());
        }
        for (Asset a : repo.listAssets(town.id())) m.assessment().assessAsset(town.id(), a.id(), demo.name());
    }

    private static Organization createTown(Mamori m, Actor demo, Path tmp) throws IOException {
        Organization town = m.createOrganization().run(demo, TOWN_CODE, "守里町（デモ）", "municipality");
        ItSystem telework = m.createSystem().run(demo, town.id(), new CreateSystem.Input("telework", "テレワークシステム", Segment.INTERNET,
                new Importance("3B", "2", "2"), "総務課", null, List.of("Aテック株式会社")));
        ItSystem mail = m.createSystem().run(demo, town.id(), new CreateSystem.Input("mail", "メールシステム", Segment.LGWAN,
                new Importance("3C", "1", "2"), "総務課", null, List.of("Aテック株式会社")));
        Path dir = DemoCommand.copy(tmp.resolve("sbom-town"), "sbom", "telework-gateway.cdx.json", "mail-relay.cdx.xml");
        Asset gw = m.createAsset().run(demo, town.id(), telework.id(), new NewAsset("town-vpn-gw-01", "テレワーク用VPNゲートウェイ",
                AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler Gateway", "13.1-49.13",
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*", Exposure.OPEN, true, "Aテック株式会社"));
        m.addSbom().run(demo, town.id(), gw.id(), new AddSbom.Input(dir.resolve("telework-gateway.cdx.json"), "telework-gateway.cdx.json", gw.version(), true));
        Asset relay = m.createAsset().run(demo, town.id(), mail.id(), new NewAsset("town-mail-relay-01", "メール中継サーバ",
                AssetKind.SERVER, null, "メール中継", "2026.07", null, Exposure.CONTROLLED, false, "Aテック株式会社"));
        m.addSbom().run(demo, town.id(), relay.id(), new AddSbom.Input(dir.resolve("mail-relay.cdx.xml"), "mail-relay.cdx.xml", relay.version(), true));
        System.out.println("2つ目のデモ団体を作成しました / second demo municipality created: " + town.name() + "（情報システム 2、資産 2、SBOM 2）");
        return town;
    }

    private static void users(Mamori m, Actor demo, List<UserStore.NewUser> accounts) {
        UserStore users = Accounts.of(m).users();
        TextTable t = new TextTable("ユーザー名", "役割", "ワンタイムパスワード");
        for (UserStore.NewUser n : accounts) {
            if (users.find(n.username()).isPresent()) continue;
            UserStore.Created c = users.create(n, demo.name());
            t.row(c.user().username(), n.role().name(), c.oneTimePassword());
        }
        System.out.print(t);
    }

    /** The operator's overview, as /prefecture shows it: counts only, each the municipality's own dashboard card. */
    static void print(Mamori m) {
        Organization pref = m.inventory().findOrganization(PREFECTURE_CODE).orElse(null);
        if (pref == null) return;
        System.out.println();
        System.out.println("【" + pref.name() + "】参加団体の状況（件数のみ。各団体のダッシュボードと同じ件数。詳細は団体の許可がある場合だけ） — サインイン pref-operator");
        TextTable t = new TextTable("団体", "名称", "境界装置の直ちに対応(Act)", "境界装置の優先対応を含む", "期限超過", "未対応", "インシデント", "準備状況 要対応/要注意/良好", "詳細の閲覧許可");
        for (jp.mamori.app.prefecture.Prefecture.Overview r : m.prefecture().overview(pref.id())) {
            t.row(r.code(), r.name(), r.boundaryAct(), r.actAttendBoundary(), r.overdue(), r.open(), r.openIncidents(),
                    r.readinessRed() + "/" + r.readinessAmber() + "/" + r.readinessGreen(), r.grant() == null ? "なし" : "あり");
        }
        System.out.print(t);
    }
}
