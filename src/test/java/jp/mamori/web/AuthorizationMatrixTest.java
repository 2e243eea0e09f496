package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.Segment;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.mitigation.MitigationItem;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.remediation.mitigation.MitigationSource;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import jp.mamori.triage.policy.TriagePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Every endpoint (REST API with a token, pages with a signed-in session) × every role × own and
 * other system/vendor of the same organisation and another organisation → the expected allow or
 * deny. Denials of data by id answer 404; lists never carry a denied object's marker. Prints the
 * counts; 0 leaks. On H2 and on PostgreSQL.
 *
 * <p>Targets: A1 (organisation A, system A1, vendor 甲社 — the system administrator's system and
 * the vendor's asset), A2 (organisation A, system A2, vendor 乙社), B1 (organisation B, vendor
 * also called 甲社). Every object of a target carries its marker (MXA1, MXA2, MXB1) in its name.
 */
class AuthorizationMatrixTest {

    enum Target { A1, A2, B1 }

    static final String PASSWORD = "Matrix-Test-Password-2026!";
    static final String CVE = "CVE-2021-44228";
    /** A vendor of organisation B only: organisation A's callers cannot name it. */
    static final String ONLY_B = "丁社";

    static String marker(Target t) {
        return "MX" + t.name();
    }

    // ---- the oracle, written out per role (independent of AccessScope and of the SQL filters)

    static boolean readsAsset(Role r, Target t) {
        return switch (r) {
            case ADMIN -> true;
            case SECURITY_OFFICER, AUDITOR -> t != Target.B1;
            case SYSTEM_ADMIN, VENDOR -> t == Target.A1;
            case PREFECTURE_OPERATOR -> false;
        };
    }

    static boolean readsSystem(Role r, Target t) {
        return r != Role.VENDOR && readsAsset(r, t);
    }

    static boolean writesAsset(Role r, Target t) {
        return r != Role.AUDITOR && readsAsset(r, t);
    }

    /** Patch and mitigate: whoever writes the asset (a vendor on its own assets). */
    static boolean decides(Role r, Target t) {
        return writesAsset(r, t);
    }

    /** Accepting a risk: not a vendor. */
    static boolean accepts(Role r, Target t) {
        return r != Role.VENDOR && writesAsset(r, t);
    }

    static boolean readsUsers(Role r) {
        return r == Role.ADMIN || r == Role.SECURITY_OFFICER || r == Role.AUDITOR;
    }

    /** The security officer of the fixture is the CISO. */
    static boolean readsAudit(Role r) {
        return r == Role.ADMIN || r == Role.SECURITY_OFFICER || r == Role.AUDITOR;
    }

    /** The staff account of a target in the logs (user keys are compared in lower case, so the marker is lower case here). */
    static String staff(Target t) {
        return marker(t).toLowerCase(java.util.Locale.ROOT) + "-staff";
    }

    /** Detections and incidents: the organisation's readers (they name staff accounts and home addresses). */
    static boolean readsDetections(Role r, Target t) {
        return switch (r) {
            case ADMIN -> true;
            case SECURITY_OFFICER, AUDITOR -> t != Target.B1;
            case SYSTEM_ADMIN, VENDOR, PREFECTURE_OPERATOR -> false;
        };
    }

    static String nsLine(String time, String event, String msg) {
        return "<134> " + time + " GMT ns01 0-PPE-0 : default " + event + " 1 0 : " + msg;
    }

    static String nsLogin(String time, String user, String sid, String ip) {
        return nsLine(time, "SSLVPN LOGIN", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"");
    }

    static String nsTcp(String time, String user, String sid, String ip) {
        return nsLine(time, "SSLVPN TCPCONNSTAT", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip 192.0.2.20 - Source " + ip + ":4000 - Destination 10.20.0.5:2598 - Total_bytes_send 1 - Total_bytes_recv 2");
    }

    // ---- fixture

    static final class Fixture {
        Database db;
        Path dataDir;
        long orgA;
        long orgB;
        long orgP;
        final Map<Target, Long> system = new EnumMap<>(Target.class);
        final Map<Target, Long> asset = new EnumMap<>(Target.class);
        final Map<Target, Long> sbom = new EnumMap<>(Target.class);
        final Map<Target, Long> finding = new EnumMap<>(Target.class);
        final Map<Target, Long> mitigation = new EnumMap<>(Target.class);
        /** A risk acceptance per target waiting for its organisation's officer (issue 18.5). */
        final Map<Target, Long> approval = new EnumMap<>(Target.class);
        /** An incident per target (issue 15): a hijacked session of the target's staff account, and its detection. */
        final Map<Target, Long> incident = new EnumMap<>(Target.class);
        final Map<Target, Long> detection = new EnumMap<>(Target.class);
        /** An allow-list entry per target (issue 15 configuration), its note carrying the marker. */
        final Map<Target, Long> allow = new EnumMap<>(Target.class);
        final Map<Role, String> secrets = new EnumMap<>(Role.class);
        final Map<Role, String> tokens = new EnumMap<>(Role.class);
        final Map<Role, String> usernames = new EnumMap<>(Role.class);
        byte[] sbomBytes;
        /** 甲社 of organisation A and 甲社 of organisation B (same name, different tenants). */
        long vendorA;
        long vendorB;
        /** B's grant of details to the prefecture (its reason carries B's marker). */
        long grantB;
        /** Each contract's checklist as exported (to be filled in and uploaded), and one issued readiness report per organisation. */
        final Map<Target, byte[]> checklist = new EnumMap<>(Target.class);
        long reportA;
        long reportB;
    }

    static Fixture fixture(Kind kind) throws Exception {
        Fixture f = new Fixture();
        f.dataDir = Files.createTempDirectory("mamori-matrix-");
        f.db = Database.open(TestDatabases.settings(kind));
        Clock clock = Clock.systemUTC();
        Path feeds = f.dataDir.resolve("feeds");
        Files.createDirectories(feeds);
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")) {
            Files.copy(in, feeds.resolve("GHSA-jfh8-c2jp-5v3q.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(new FeedFileImporter(f.db, clock, null).importPaths(List.of(feeds), null, false).failed()).isFalse();

        InventoryRepository inv = new InventoryRepository(f.db.dataSource());
        f.orgA = inv.createOrganization("012033", "A市", "municipality").id();
        f.orgB = inv.createOrganization("012041", "B町", "municipality").id();
        Importance imp = new Importance("3B", "2", "2");
        f.system.put(Target.A1, inv.createSystem(f.orgA, "A1", "MXA1-system", Segment.INTERNET, imp, null, null, List.of("甲社")).id());
        f.system.put(Target.A2, inv.createSystem(f.orgA, "A2", "MXA2-system", Segment.LGWAN, imp, null, null, List.of("乙社")).id());
        f.system.put(Target.B1, inv.createSystem(f.orgB, "B1", "MXB1-system", Segment.LGWAN, imp, null, null, List.of("甲社")).id());
        f.sbomBytes = """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "components": [{"type": "library", "bom-ref": "log4j", "group": "org.apache.logging.log4j", "name": "log4j-core",
                   "version": "2.14.1", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}
                """.getBytes(StandardCharsets.UTF_8);
        SbomStore sboms = new SbomStore(f.db);
        AuditLog audit = new AuditLog(f.db.dataSource());
        InventoryAssessment assessment = new InventoryAssessment(f.db, clock, TriagePolicy.defaults());
        for (Target t : Target.values()) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            String vendor = t == Target.A2 ? "乙社" : "甲社";
            Asset a = inv.createAsset(org, f.system.get(t), new InventoryRepository.NewAsset("code-" + t.name().toLowerCase(), marker(t) + "-asset",
                    AssetKind.SERVER, null, null, null, null, Exposure.OPEN, t == Target.A1, vendor));
            f.asset.put(t, a.id());
            String file = marker(t) + ".cdx.json";
            f.sbom.put(t, sboms.add(org, a, new SbomReader().read(f.sbomBytes, file), file, "0".repeat(64), null, "setup", clock.instant()).id());
            assessment.assessAsset(org, a.id(), "setup");
            audit.append("setup", org, "sbom.added", "asset:" + a.id(), "file=" + file);
            var rows = new FindingQuery(f.db.dataSource()).list(org, FindingQuery.Filter.all(), 10, 0);
            f.finding.put(t, rows.stream().filter(r -> r.assetId() == a.id()).findFirst().orElseThrow().id());
            long fid = f.finding.get(t);
            MitigationService ms = new MitigationService(f.db, clock);
            f.db.inTransaction(c -> ms.ensure(c, org, fid, List.of(new MitigationItem(MitigationSource.MANUAL, "mx", marker(t) + "-item",
                    marker(t) + "-item", null, null)), null, "setup"));
            f.mitigation.put(t, ms.list(org, fid).get(0).id());
        }

        // partners (issue 14): one contract per target, its title carrying the marker
        jp.mamori.app.Mamori mamori = jp.mamori.app.Mamori.open(f.db, clock, new jp.mamori.app.MamoriSettings(f.dataDir, Map.of()));
        for (Target t : Target.values()) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            mamori.saveContract().run(jp.mamori.app.Actor.system("setup"), org, new jp.mamori.app.partners.SaveContract.Input("K-" + t.name(),
                    marker(t) + "-contract", t == Target.A2 ? "乙社" : "甲社", jp.mamori.partners.ContractKind.MAINTENANCE,
                    jp.mamori.partners.ContractStatus.ACTIVE, null, null, null, false, 4, List.of(t.name()), List.of()));
            mamori.attachContractDocument().run(jp.mamori.app.Actor.system("setup"), org, "K-" + t.name(), "K-" + t.name() + ".pdf", pdf(t));
        }
        f.vendorA = mamori.vendors().require(f.orgA, "甲社").id();
        f.vendorB = mamori.vendors().require(f.orgB, "甲社").id();
        for (Target t : Target.values()) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            f.checklist.put(t, jp.mamori.partners.ChecklistWorkbook.write(mamori.partners().view(mamori.contracts().require(org, "K-" + t.name()), mamori.today())));
        }
        f.reportA = mamori.issueReadinessReport().run(jp.mamori.app.Actor.system("setup"), f.orgA).snapshot().id();
        f.reportB = mamori.issueReadinessReport().run(jp.mamori.app.Actor.system("setup"), f.orgB).snapshot().id();
        // a configuration share and a drill per organisation, their recipient and title carrying the marker; a vendor only B has
        for (Target t : List.of(Target.A1, Target.B1)) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            mamori.shareConfiguration().run(jp.mamori.app.Actor.system("setup"), org, "甲社", marker(t) + "-recipient", null);
            mamori.recordDrill().run(jp.mamori.app.Actor.system("setup"), org, java.time.LocalDate.of(2026, 10, 1), marker(t) + "-drill", null);
        }
        mamori.saveVendor().run(jp.mamori.app.Actor.system("setup"), f.orgB, new jp.mamori.partners.VendorStore.Input(ONLY_B, null,
                jp.mamori.partners.VendorKind.IR, null, null, null, null, null, null, null, null));

        // detection (issue 15): each target's gateway log shows its staff account's session taken over from another address
        for (Target t : Target.values()) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            String user = staff(t), sid = "70" + t.ordinal();
            Path log = f.dataDir.resolve("ns-" + t.name() + ".log");
            Files.writeString(log, String.join("\n", nsLogin("11/24/2026:00:00:00", user, sid, "198.51.100.7"),
                    nsTcp("11/24/2026:00:10:00", user, sid, "198.51.100.7"), nsTcp("11/24/2026:04:05:00", user, sid, "203.0.113.9"),
                    nsTcp("11/24/2026:04:06:00", user, sid, "203.0.113.9")) + "\n");
            mamori.importLogs().run(jp.mamori.app.Actor.system("setup"), org, List.of(new jp.mamori.app.detection.ImportLogs.Input(log, log.getFileName().toString())),
                    new jp.mamori.app.detection.ImportLogs.Options(null, null, null, "code-" + t.name().toLowerCase()));
            f.incident.put(t, mamori.detections().incidents(org).stream().filter(i -> i.userKey().equals(user)).findFirst().orElseThrow().id());
            f.detection.put(t, mamori.detections().detections(org, null, 100).stream().filter(d -> user.equals(d.user())).findFirst().orElseThrow().id());
            String range = "192.0.2." + (8 * t.ordinal()) + "/29";
            mamori.detectionLists().addAllow(jp.mamori.app.Actor.system("setup"), org, "egress", range, marker(t) + "-egress");
            f.allow.put(t, mamori.detections().allowRows(org).stream().filter(r -> r.entry().value().equals(range)).findFirst().orElseThrow().id());
        }

        UserStore users = new UserStore(f.db.dataSource(), audit, SecretBox.load(f.dataDir, System.getenv()), new BCryptPasswordEncoder(4), clock);
        ApiTokenStore tokens = new ApiTokenStore(f.db.dataSource(), audit);
        Map<Role, UserStore.NewUser> accounts = new LinkedHashMap<>();
        accounts.put(Role.ADMIN, new UserStore.NewUser("mx-admin", null, Role.ADMIN, null, null, null, false));
        accounts.put(Role.SECURITY_OFFICER, new UserStore.NewUser("mx-officer-a", null, Role.SECURITY_OFFICER, f.orgA, null, null, true));
        accounts.put(Role.SYSTEM_ADMIN, new UserStore.NewUser("mx-sysadmin-a", null, Role.SYSTEM_ADMIN, f.orgA, Set.of(f.system.get(Target.A1)), null, false));
        accounts.put(Role.VENDOR, new UserStore.NewUser("mx-vendor-a", null, Role.VENDOR, f.orgA, null, "甲社", false));
        accounts.put(Role.AUDITOR, new UserStore.NewUser("mx-auditor-a", null, Role.AUDITOR, f.orgA, null, null, false));
        // the prefecture's security cloud (issue 17): serves A and B; B has granted details, A has not
        f.orgP = inv.createOrganization("470006", "P県セキュリティクラウド", "prefecture").id();
        jp.mamori.app.Actor setup = jp.mamori.app.Actor.system("setup");
        mamori.prefecture().addMember(setup, "470006", "012033");
        mamori.prefecture().addMember(setup, "470006", "012041");
        f.grantB = mamori.prefecture().grant(setup, "012041", "470006", 7, marker(Target.B1) + "-grant").id();
        mamori.jobQueue().enqueue("feeds.sync", null, null, "setup-job", clock.instant().plusSeconds(86_400), 1);
        accounts.put(Role.PREFECTURE_OPERATOR, new UserStore.NewUser("mx-pref-op", null, Role.PREFECTURE_OPERATOR, f.orgP, null, null, false));
        for (Map.Entry<Role, UserStore.NewUser> e : accounts.entrySet()) {
            UserStore.Created c = users.create(e.getValue(), "setup");
            users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
            UserAccount u = users.findById(c.user().id()).orElseThrow();
            if (u.needsTotp()) {
                String secret = Totp.newSecret();
                users.enrolTotp(u.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
                f.secrets.put(e.getKey(), secret);
            }
            f.tokens.put(e.getKey(), tokens.issue(users.findById(u.id()).orElseThrow(), "matrix", u.role() == Role.AUDITOR ? List.of("read") : List.of("read", "write"), 1, "setup").secret());
            f.usernames.put(e.getKey(), u.username());
        }
        // a user of the other organisation, whose name must not show up in organisation A
        users.create(new UserStore.NewUser("mx-officer-b-MXB1", null, Role.SECURITY_OFFICER, f.orgB, null, null, false), "setup");
        jp.mamori.remediation.FindingWorkflow workflow = new jp.mamori.remediation.FindingWorkflow(f.db, new jp.mamori.notify.JdbcRecipients(f.db.dataSource()),
                new MitigationService(f.db, clock), clock);
        for (Target t : Target.values()) {
            String approver = t == Target.B1 ? "mx-officer-b-mxb1" : f.usernames.get(Role.SECURITY_OFFICER);
            var pending = workflow.decide(t == Target.B1 ? f.orgB : f.orgA, f.finding.get(t), new jp.mamori.remediation.Decision(
                    jp.mamori.remediation.DecisionAction.ACCEPT, "matrix pending", "setup-requester", approver,
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(30), List.of(), null));
            assertThat(pending.pending()).isTrue();
            f.approval.put(t, pending.pendingApproval());
        }
        return f;
    }

    // ---- the run

    static final class Tally {
        int tried;
        int allowed;
        int denied;
        final List<String> leaks = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        void allow(String what, HttpResponse<String> r, boolean ok) {
            tried++;
            allowed++;
            if (!ok) failures.add("expected allow: " + what + " → " + r.statusCode() + " " + cut(r.body()));
        }

        void deny(String what, HttpResponse<String> r, boolean refused, boolean leaked) {
            tried++;
            denied++;
            if (leaked) leaks.add("LEAK: " + what + " → " + r.statusCode() + " " + cut(r.body()));
            else if (!refused) failures.add("expected deny: " + what + " → " + r.statusCode() + " " + cut(r.body()));
        }

        static String cut(String s) {
            return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyEndpointForEveryRoleAndOrganisationAllowsOrDeniesAsExpected(Kind kind) throws Exception {
        Fixture f = fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            Tally tally = new Tally();
            for (Role role : Role.values()) {
                HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(role));
                HttpSessionClient page = signIn(base, f, role);
                run(f, role, api, true, tally);
                run(f, role, page, false, tally);
            }
            anonymous(f, base, tally);
            System.out.printf("authorisation matrix [%s]: %d requests tried, %d expected allowed, %d expected denied, %d leaks, %d other failures%n",
                    kind, tally.tried, tally.allowed, tally.denied, tally.leaks.size(), tally.failures.size());
            tally.leaks.forEach(System.out::println);
            tally.failures.forEach(System.out::println);
            assertThat(tally.leaks).as("leaks").isEmpty();
            assertThat(tally.failures).as("wrong answers").isEmpty();
            assertThat(tally.tried).isGreaterThan(300);
        } finally {
            context.close();
            f.db.close();
        }
    }

    static HttpSessionClient signIn(String base, Fixture f, Role role) throws Exception {
        HttpSessionClient b = HttpSessionClient.browser(base);
        b.get("/login");
        HttpResponse<String> r = b.postForm("/login", Map.of("username", f.usernames.get(role), "password", PASSWORD));
        if (f.secrets.containsKey(role)) {
            assertThat(HttpSessionClient.location(r)).isEqualTo("/login/totp");
            b.get("/login/totp");
            r = b.postForm("/login/totp", Map.of("code", Totp.code(f.secrets.get(role), Totp.step(Instant.now()))));
        }
        assertThat(HttpSessionClient.location(r)).as("signed in: " + role).isEqualTo("/");
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        return b;
    }

    private static void run(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally) throws Exception {
        String who = role + (api ? " api " : " page ");
        String p = api ? "/api/v1" : "";

        // the organisation chooser: the administrator's choice holds for the session; anyone else is refused
        if (!api) {
            c.get("/");
            HttpResponse<String> chosen = c.postForm("/org", Map.of("org", String.valueOf(f.orgB), "back", "/assets"));
            if (role == Role.ADMIN) {
                tally.allow(who + "POST /org [B]", chosen, chosen.statusCode() == 302 && "/assets".equals(HttpSessionClient.location(chosen)));
                listCheck(tally, who + "/assets after choosing B", c.get("/assets"), t -> t == Target.B1);
                c.get("/");
                c.postForm("/org", Map.of("org", String.valueOf(f.orgA), "back", "//evil.example/"));
            } else {
                tally.deny(who + "POST /org [B]", chosen, chosen.statusCode() == 404, chosen.body().contains("MXB1"));
            }
        }

        // lists: exactly the visible targets' markers, for the own organisation (and ?org= of the other one)
        List<String> lists = new ArrayList<>(List.of(api ? "/api/v1/dashboard" : "/", p + "/findings?state=all&candidates=any",
                p + "/assets", p + "/vulnerabilities/" + CVE));
        for (String org : List.of("", "org=" + f.orgB)) {
            for (String l : lists) {
                String url = org.isEmpty() ? l : l + (l.contains("?") ? "&" : "?") + org;
                boolean otherOrg = !org.isEmpty() && role == Role.ADMIN;
                listCheck(tally, who + url, c.get(url), t -> otherOrg ? t == Target.B1 : t != Target.B1 && readsAsset(role, t));
            }
            String sys = p + "/systems" + (org.isEmpty() ? "" : "?" + org);
            boolean otherOrg = !org.isEmpty() && role == Role.ADMIN;
            listCheck(tally, who + sys, c.get(sys), t -> otherOrg ? t == Target.B1 : t != Target.B1 && readsSystem(role, t));
        }

        // capability pages and endpoints: users, audit
        HttpResponse<String> users = c.get(p + "/users");
        if (readsUsers(role)) tally.allow(who + "/users", users, users.statusCode() == 200 && !users.body().contains("MXB1"));
        else tally.deny(who + "/users", users, refused(users), users.body().contains("mx-officer-a") || users.body().contains("MXB1"));
        HttpResponse<String> audit = c.get(p + "/audit");
        if (readsAudit(role)) {
            boolean admin = role == Role.ADMIN;
            tally.allow(who + "/audit", audit, audit.statusCode() == 200 && audit.body().contains("MXA1") && audit.body().contains("MXA2")
                    && admin == audit.body().contains("MXB1"));
        } else {
            tally.deny(who + "/audit", audit, refused(audit), audit.body().contains("MXA1") || audit.body().contains("MXB1"));
        }
        // filtered (issue 12: the API filters as the page does): the same tenant's entries only
        String filteredUrl = p + "/audit?action=sbom.added&from=2000-01-01&to=2100-12-31";
        HttpResponse<String> filtered = c.get(filteredUrl);
        if (readsAudit(role)) {
            boolean admin = role == Role.ADMIN;
            tally.allow(who + filteredUrl, filtered, filtered.statusCode() == 200 && filtered.body().contains("MXA1") && filtered.body().contains("MXA2")
                    && admin == filtered.body().contains("MXB1"));
        } else {
            tally.deny(who + filteredUrl, filtered, refused(filtered), filtered.body().contains("MXA1") || filtered.body().contains("MXB1"));
        }
        HttpResponse<String> verify = c.get(p + "/audit/verify");
        if (readsAudit(role)) tally.allow(who + "/audit/verify", verify, verify.statusCode() == 200 && verify.body().contains(api ? "\"intact\":true" : "監査ログのチェーンは完全です"));
        else tally.deny(who + "/audit/verify", verify, refused(verify), verify.body().contains("intact"));

        // open to every signed-in role
        List<String> open = api ? List.of("/api/v1/me", "/api/v1/feeds", "/api/v1/openapi.json", "/api/v1/tokens")
                : List.of("/feeds", "/vulnerabilities", "/vulnerabilities?id=GHSA-jfh8-c2jp-5v3q");
        for (String u : open) {
            HttpResponse<String> r = c.get(u);
            tally.allow(who + u, r, r.statusCode() == 200 || (r.statusCode() == 302 && u.contains("?id=")));
        }

        // importing a feed file from the browser or the API (issue 12): the instance administrator only
        byte[] osv;
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")) {
            osv = in.readAllBytes();
        }
        if (!api) c.get("/feeds");
        String feedImport = p + "/feeds/import";
        HttpResponse<String> fi = c.upload(feedImport, "GHSA-jfh8-c2jp-5v3q.json", osv);
        if (role == Role.ADMIN) tally.allow(who + "POST " + feedImport, fi, api ? fi.statusCode() == 200 : fi.statusCode() == 302);
        else tally.deny(who + "POST " + feedImport, fi, writeRefused(role, api, fi, 404), fi.statusCode() / 100 == 2 || fi.statusCode() == 302);

        // by id
        for (Target t : Target.values()) {
            byId(tally, who, c, p + "/findings/" + f.finding.get(t), t, readsAsset(role, t));
            byId(tally, who, c, p + "/systems/" + f.system.get(t), t, readsSystem(role, t));
            byId(tally, who, c, p + "/assets/" + f.asset.get(t), t, readsAsset(role, t));
            byId(tally, who, c, p + "/sboms/" + f.sbom.get(t), t, readsAsset(role, t));
            if (api) byId(tally, who, c, p + "/assets/" + f.asset.get(t) + "/sboms", t, readsAsset(role, t));
            // SBOM upload
            if (!api) c.get("/");
            String url = p + "/assets/" + f.asset.get(t) + "/sboms";
            HttpResponse<String> r = c.upload(url, "probe.cdx.json", f.sbomBytes);
            if (writesAsset(role, t)) {
                boolean ok = api ? r.statusCode() == 201 : r.statusCode() == 302 && ("/assets/" + f.asset.get(t)).equals(HttpSessionClient.location(r));
                tally.allow(who + "POST " + url + " [" + t + "]", r, ok);
            } else {
                boolean refused = api ? r.statusCode() == 404 || (role == Role.AUDITOR && r.statusCode() == 403) : r.statusCode() == 404;
                tally.deny(who + "POST " + url + " [" + t + "]", r, refused, r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
            }
            // confirming a held SBOM: the organisation's security officer only (the fixture's SBOM is not held: 400 / back to the asset)
            String curl = p + "/sboms/" + f.sbom.get(t) + "/confirm";
            if (!api) c.get("/");
            r = api ? c.sendJson("POST", curl, "{}") : c.postForm(curl, Map.of());
            if (role == Role.SECURITY_OFFICER && readsAsset(role, t)) {
                tally.allow(who + "POST " + curl + " [" + t + "]", r, api ? r.statusCode() == 400 : r.statusCode() == 302);
            } else {
                boolean refused = readsAsset(role, t) ? r.statusCode() == 403 : r.statusCode() == 404 || (api && role == Role.AUDITOR && r.statusCode() == 403);
                tally.deny(who + "POST " + curl + " [" + t + "]", r, refused, r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
            }
            // confirming a suggested identifier (issue 13): the organisation's security officer only; the fixture's SBOM is
            // CycloneDX, so its identifiers are declared (400 / back to the SBOM page with the reason)
            String iurl = p + "/sboms/" + f.sbom.get(t) + "/components/row-2/confirm-id";
            if (!api) c.get("/");
            r = api ? c.sendJson("POST", iurl, "{\"verdict\": \"confirm\"}") : c.postForm(iurl, Map.of("verdict", "confirm"));
            if (role == Role.SECURITY_OFFICER && readsAsset(role, t)) {
                tally.allow(who + "POST " + iurl + " [" + t + "]", r, api ? r.statusCode() == 400
                        : r.statusCode() == 302 && ("/sboms/" + f.sbom.get(t)).equals(HttpSessionClient.location(r)));
            } else {
                boolean refused = readsAsset(role, t) ? r.statusCode() == 403 : r.statusCode() == 404 || (api && role == Role.AUDITOR && r.statusCode() == 403);
                tally.deny(who + "POST " + iurl + " [" + t + "]", r, refused, r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
            }
            decisions(f, role, c, api, tally, who, t);
        }

        partners(f, role, c, api, tally, who);
        detection(f, role, c, api, tally, who);
        partnerForms(f, role, c, api, tally, who);
        prefecture(f, role, c, api, tally, who);

        // the export: exactly the visible findings (a session downloads it from the findings page through the API)
        listCheck(tally, who + "/api/v1/findings/export?format=csv", c.get("/api/v1/findings/export?format=csv"), t -> t != Target.B1 && readsAsset(role, t));
    }

    /** Contracts: the organisation's readers see all of their organisation's; a vendor its own (A1: 甲社); a system administrator none. */
    static boolean readsContract(Role r, Target t) {
        return switch (r) {
            case ADMIN, SECURITY_OFFICER, AUDITOR -> t != Target.B1;
            case VENDOR -> t == Target.A1;
            case SYSTEM_ADMIN, PREFECTURE_OPERATOR -> false;
        };
    }

    /** Answering a checklist: the officer (and administrator) on any, the vendor on its own (a proposal). */
    static boolean answers(Role r, Target t) {
        return readsContract(r, t) && r != Role.AUDITOR;
    }

    static boolean approves(Role r, Target t) {
        return readsContract(r, t) && (r == Role.ADMIN || r == Role.SECURITY_OFFICER);
    }

    static boolean readsReadiness(Role r) {
        return r == Role.ADMIN || r == Role.SECURITY_OFFICER || r == Role.AUDITOR;
    }

    /** A contract document carrying the target's marker. */
    static byte[] pdf(Target t) {
        return ("%PDF-1.7\n% " + marker(t) + "-document\n1 0 obj\n<<>>\nendobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static boolean officer(Role r) {
        return r == Role.ADMIN || r == Role.SECURITY_OFFICER;
    }

    /**
     * The security officer's forms and uploads (issue 14): vendor and contract forms, contract
     * documents, NDAs — the officer of the organisation (and the administrator) only; another
     * organisation's vendor or contract reads as absent; the dashboard's contract flags follow the rows.
     */
    private static void partnerForms(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        int refusal = readsReadiness(role) ? 403 : 404;
        // the dashboard: contract flags only next to rows the caller sees, never another organisation's contract
        HttpResponse<String> dash = c.get(api ? "/api/v1/dashboard" : "/");
        for (Target t : Target.values()) {
            boolean shown = dash.body().contains("K-" + t.name() + "\"") || dash.body().contains("契約 K-" + t.name() + "・");
            if (t != Target.B1 && readsAsset(role, t)) tally.allow(who + "dashboard contract flag [" + t + "]", dash, dash.statusCode() == 200 && shown);
            else tally.deny(who + "dashboard contract flag [" + t + "]", dash, dash.statusCode() == 200 || refused(dash), shown);
        }
        if (api) {
            for (Target t : Target.values()) {
                String url = "/api/v1/partners/contracts/K-" + t.name() + "/document";
                HttpResponse<String> d = c.get(url);
                if (readsContract(role, t)) tally.allow(who + url, d, d.statusCode() == 200 && d.body().contains(marker(t) + "-document"));
                else tally.deny(who + url, d, d.statusCode() == 404, d.body().contains(marker(t)));
                HttpResponse<String> up = c.upload(url, marker(t) + "-K-" + t.name() + ".pdf", pdf(t));
                if (officer(role) && t != Target.B1) tally.allow(who + "POST " + url, up, up.statusCode() == 201 && up.body().contains("\"sha256\""));
                else tally.deny(who + "POST " + url, up, writeRefused(role, api, up, t == Target.B1 ? (role == Role.AUDITOR ? 403 : 404) : refusal),
                        up.statusCode() / 100 == 2 || up.body().contains(marker(t)));
            }
            for (long vendor : new long[] {f.vendorA, f.vendorB}) {
                String url = "/api/v1/partners/vendors/" + vendor + "/nda";
                HttpResponse<String> r = c.upload(url, "nda.pdf", pdf(Target.A1), Map.of("signed", "2026-04-01", "expires", "2027-03-31"));
                boolean own = vendor == f.vendorA;
                if (officer(role) && own) tally.allow(who + "POST " + url, r, r.statusCode() == 200 && r.body().contains("\"ndaSha256\""));
                else tally.deny(who + "POST " + url, r, writeRefused(role, api, r, own || role == Role.AUDITOR ? refusal : 404), r.statusCode() / 100 == 2);
            }
            return;
        }
        // pages: the forms
        for (String form : List.of("/partners/vendors/new", "/partners/contracts/new", "/partners/vendors/" + f.vendorA + "/edit")) {
            HttpResponse<String> r = c.get(form);
            if (officer(role)) tally.allow(who + form, r, r.statusCode() == 200 && r.body().contains("name=\"_csrf\""));
            else tally.deny(who + form, r, r.statusCode() == refusal, r.statusCode() == 200);
        }
        HttpResponse<String> foreign = c.get("/partners/vendors/" + f.vendorB + "/edit");
        tally.deny(who + "/partners/vendors/[B]/edit", foreign, foreign.statusCode() == (officer(role) ? 404 : refusal), foreign.statusCode() == 200);
        c.get("/partners/vendors");
        HttpResponse<String> nv = c.postForm("/partners/vendors", Map.of("name", "丁社-" + role, "kind", "maintenance", "hotline", "0120-000-000"));
        if (officer(role)) tally.allow(who + "POST /partners/vendors", nv, nv.statusCode() == 302 && "/partners/vendors".equals(HttpSessionClient.location(nv)));
        else tally.deny(who + "POST /partners/vendors", nv, nv.statusCode() == refusal, nv.statusCode() == 302);
        c.get("/partners/vendors");
        HttpResponse<String> eb = c.postForm("/partners/vendors/" + f.vendorB, Map.of("kind", "ir", "phone", "MXB1-overwritten"));
        tally.deny(who + "POST /partners/vendors/[B]", eb, eb.statusCode() == (officer(role) ? 404 : refusal), eb.statusCode() == 302);
        for (long vendor : new long[] {f.vendorA, f.vendorB}) {
            c.get("/partners/vendors");
            String url = "/partners/vendors/" + vendor + "/nda";
            HttpResponse<String> r = c.upload(url, "nda.pdf", pdf(Target.A1), Map.of("signed", "2026-04-01"));
            boolean own = vendor == f.vendorA;
            if (officer(role) && own) tally.allow(who + "POST " + url, r, r.statusCode() == 302);
            else tally.deny(who + "POST " + url, r, r.statusCode() == (own || !officer(role) ? refusal : 404), r.statusCode() == 302);
        }
        for (Target t : Target.values()) {
            String url = "/partners/contracts/K-" + t.name();
            boolean writes = officer(role) && t != Target.B1;
            int expected = officer(role) ? 404 : refusal;
            HttpResponse<String> edit = c.get(url + "/edit");
            if (writes) tally.allow(who + url + "/edit", edit, edit.statusCode() == 200 && edit.body().contains(marker(t) + "-contract"));
            else tally.deny(who + url + "/edit", edit, edit.statusCode() == expected, edit.body().contains(marker(t)));
            HttpResponse<String> saved = c.postPairs(url + "/edit", List.of(Map.entry("title", marker(t) + "-contract"),
                    Map.entry("vendor", t == Target.A2 ? "乙社" : "甲社"), Map.entry("kind", "maintenance"), Map.entry("status", "active"),
                    Map.entry("patchCapPerYear", "4"), Map.entry("systems", t.name())));
            if (writes) tally.allow(who + "POST " + url + "/edit", saved, saved.statusCode() == 302 && url.equals(HttpSessionClient.location(saved)));
            else tally.deny(who + "POST " + url + "/edit", saved, saved.statusCode() == expected, saved.statusCode() == 302 || saved.body().contains(marker(t)));
            c.get("/partners");
            HttpResponse<String> up = c.upload(url + "/document", marker(t) + "-K-" + t.name() + ".pdf", pdf(t));
            if (writes) tally.allow(who + "POST " + url + "/document", up, up.statusCode() == 302 && url.equals(HttpSessionClient.location(up)));
            else tally.deny(who + "POST " + url + "/document", up, up.statusCode() == expected, up.statusCode() == 302);
            HttpResponse<String> d = c.get(url + "/document");
            if (readsContract(role, t)) tally.allow(who + url + "/document", d, d.statusCode() == 200 && d.body().contains(marker(t) + "-document"));
            else tally.deny(who + url + "/document", d, d.statusCode() == 404, d.body().contains(marker(t)));
        }
        c.get("/partners");
        HttpResponse<String> nc = c.postPairs("/partners/contracts", List.of(Map.entry("code", "K-F-" + role), Map.entry("title", "form"),
                Map.entry("vendor", "乙社"), Map.entry("kind", "operation"), Map.entry("status", "draft"), Map.entry("systems", "A2")));
        if (officer(role)) tally.allow(who + "POST /partners/contracts", nc, nc.statusCode() == 302 && ("/partners/contracts/K-F-" + role).equals(HttpSessionClient.location(nc)));
        else tally.deny(who + "POST /partners/contracts", nc, nc.statusCode() == refusal, nc.statusCode() == 302);
        // a contract of this organisation cannot be made to cover another organisation's system
        c.get("/partners");
        HttpResponse<String> cross = c.postPairs("/partners/contracts", List.of(Map.entry("code", "K-X-" + role), Map.entry("title", "cross"),
                Map.entry("vendor", "甲社"), Map.entry("kind", "maintenance"), Map.entry("status", "active"), Map.entry("systems", "B1")));
        if (officer(role)) tally.deny(who + "POST /partners/contracts covering B1", cross, cross.statusCode() == 400 && cross.body().contains("情報システムが見つかりません"),
                cross.statusCode() == 302);
        else tally.deny(who + "POST /partners/contracts covering B1", cross, cross.statusCode() == refusal, cross.statusCode() == 302);
    }

    /** Partners pages and API (issue 14): lists, contracts by code, answers, approval, readiness, contact list. */
    private static void partners(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        String p = api ? "/api/v1/partners" : "/partners";
        String list = api ? p + "/contracts" : p;
        HttpResponse<String> lr = c.get(list);
        if (role == Role.SYSTEM_ADMIN) tally.deny(who + list, lr, refused(lr), lr.body().contains("MX"));
        else listCheck(tally, who + list, lr, t -> readsContract(role, t));
        if (api) {
            HttpResponse<String> fl = c.get(p + "/flags");
            if (role == Role.SYSTEM_ADMIN || role == Role.PREFECTURE_OPERATOR) tally.deny(who + p + "/flags", fl, refused(fl), fl.body().contains("K-"));
            else for (Target t : Target.values()) {
                boolean shown = fl.body().contains("\"K-" + t.name() + "\"");
                if (readsContract(role, t)) tally.allow(who + p + "/flags [" + t + "]", fl, fl.statusCode() == 200 && shown);
                else tally.deny(who + p + "/flags [" + t + "]", fl, fl.statusCode() == 200, shown);
            }
            HttpResponse<String> vendors = c.get(p + "/vendors");
            if (readsReadiness(role)) tally.allow(who + p + "/vendors", vendors, vendors.statusCode() == 200 && vendors.body().contains("乙社"));
            else tally.deny(who + p + "/vendors", vendors, refused(vendors), vendors.body().contains("乙社"));
        }
        for (Target t : Target.values()) {
            String url = p + "/contracts/K-" + t.name();
            byId(tally, who, c, url, t, readsContract(role, t));
            // the checklist workbook (page and API): exported to whoever reads the contract (a vendor its own only)
            HttpResponse<String> x = c.get(url + "/checklist.xlsx");
            if (readsContract(role, t)) tally.allow(who + url + "/checklist.xlsx", x, x.statusCode() == 200 && x.body().startsWith("PK"));
            else tally.deny(who + url + "/checklist.xlsx", x, x.statusCode() == 404, x.statusCode() == 200);
            // the filled-in workbook uploaded back: whoever answers the contract; anyone else stores nothing
            String article = "xlsx-" + role + (api ? "-api" : "");
            if (!api) c.get("/");
            HttpResponse<String> up = c.upload(url + "/checklist", "checklist-K-" + t.name() + ".xlsx",
                    PartnersBrowserTest.fill(f.checklist.get(t), "subcontracting", "有", article, "再委託は事前承認による。"));
            long stored = clauseRows(f, t, article);
            String uw = who + "POST " + url + "/checklist [" + t + "]";
            if (answers(role, t)) {
                tally.allow(uw, up, stored == 1 && (api ? up.statusCode() == 201 && up.body().contains("\"proposed\":" + (role == Role.VENDOR))
                        : up.statusCode() == 302 && url.equals(HttpSessionClient.location(up))));
            } else {
                tally.deny(uw, up, writeRefused(role, api, up, readsContract(role, t) ? 403 : 404), stored > 0 || up.body().contains(marker(t)));
            }
            // answering one item
            if (!api) c.get("/");
            HttpResponse<String> r = api ? c.sendJson("POST", url + "/answers", "[{\"item\": \"audit-right\", \"answer\": \"present\", \"article\": \"第1条\"}]")
                    : c.postForm(url + "/answers", Map.of("answer.audit-right", "present", "article.audit-right", "第1条"));
            String what = who + "POST " + url + "/answers [" + t + "]";
            if (answers(role, t)) {
                boolean ok = api ? r.statusCode() == 201 && r.body().contains("\"proposed\":" + (role == Role.VENDOR))
                        : r.statusCode() == 302 && HttpSessionClient.location(r).endsWith("/partners/contracts/K-" + t.name());
                tally.allow(what, r, ok);
            } else {
                tally.deny(what, r, writeRefused(role, api, r, readsContract(role, t) ? 403 : 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
            }
            if (!api) c.get("/");
            r = api ? c.sendJson("POST", url + "/approve", "{}") : c.postForm(url + "/approve", Map.of());
            what = who + "POST " + url + "/approve [" + t + "]";
            if (approves(role, t)) tally.allow(what, r, api ? r.statusCode() == 200 : r.statusCode() == 302);
            else tally.deny(what, r, writeRefused(role, api, r, readsContract(role, t) ? 403 : 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
        }
        // readiness: the organisation's readers; the contract titles of their organisation are its evidence
        HttpResponse<String> rd = c.get(p + "/readiness");
        if (readsReadiness(role)) listCheck(tally, who + p + "/readiness", rd, t -> t != Target.B1);
        else tally.deny(who + p + "/readiness", rd, refused(rd), rd.body().contains("MX"));
        if (!api) c.get("/");
        HttpResponse<String> issued = api ? c.sendJson("POST", p + "/readiness", "{}") : c.postForm(p + "/readiness", Map.of());
        if (role == Role.ADMIN || role == Role.SECURITY_OFFICER) {
            tally.allow(who + "POST " + p + "/readiness", issued, api ? issued.statusCode() == 201 && !issued.body().contains("MXB1")
                    : issued.statusCode() == 302 && HttpSessionClient.location(issued).contains("/partners/readiness/"));
            if (!api) {
                String loc = HttpSessionClient.location(issued);
                listCheck(tally, who + loc, c.get(loc), t -> t != Target.B1);
            }
        } else {
            tally.deny(who + "POST " + p + "/readiness", issued, writeRefused(role, api, issued, readsReadiness(role) ? 403 : 404),
                    issued.body().contains("MX") || issued.statusCode() / 100 == 2);
        }
        HttpResponse<String> reports = c.get(api ? p + "/readiness/reports" : "/partners/readiness");
        if (!readsReadiness(role)) tally.deny(who + "readiness reports", reports, refused(reports), reports.body().contains("sha256") || reports.body().contains("MX"));
        // an issued report by id (page, its .xlsx, the API): the organisation's own for its readers; another organisation's id reads as absent
        for (long id : new long[] {f.reportA, f.reportB}) {
            boolean own = id == f.reportA;
            List<String> urls = api ? List.of(p + "/readiness/reports/" + id) : List.of(p + "/readiness/" + id, p + "/readiness/" + id + ".xlsx");
            for (String url : urls) {
                HttpResponse<String> r = c.get(url);
                boolean xlsx = url.endsWith(".xlsx");
                String w = who + url + (own ? " [A]" : " [B]");
                if (readsReadiness(role) && own) {
                    tally.allow(w, r, r.statusCode() == 200 && (xlsx || r.body().contains(marker(Target.A1)) && !r.body().contains(marker(Target.B1))));
                } else {
                    tally.deny(w, r, readsReadiness(role) ? r.statusCode() == 404 : refused(r),
                            r.statusCode() == 200 || r.body().contains(marker(Target.B1)) || r.body().contains(marker(Target.A1)));
                }
            }
        }
        // the role matrix: read by the organisation's readers, set by the security officer
        HttpResponse<String> roles = c.get(p + "/roles");
        if (readsReadiness(role)) tally.allow(who + p + "/roles", roles, roles.statusCode() == 200);
        else tally.deny(who + p + "/roles", roles, refused(roles), roles.statusCode() == 200);
        if (!api) c.get("/");
        HttpResponse<String> set = api ? c.sendJson("PUT", p + "/roles", "{\"phase\": \"evidence\", \"party\": \"csirt\", \"raci\": \"R\"}")
                : c.postForm(p + "/roles", Map.of("phase", "evidence", "party", "csirt", "raci", "R"));
        if (role == Role.ADMIN || role == Role.SECURITY_OFFICER) {
            tally.allow(who + "set role", set, api ? set.statusCode() == 200 : set.statusCode() == 302);
        } else {
            tally.deny(who + "set role", set, writeRefused(role, api, set, readsReadiness(role) ? 403 : 404), set.statusCode() / 100 == 2);
        }
        // a system's own matrix (?system=, issue 14): the organisation's systems only; another organisation's reads as absent
        // (400 naming the code it was given, nothing of it shown) and is never written
        for (Target t : Target.values()) {
            String url = p + "/roles?system=" + t.name();
            HttpResponse<String> sr = c.get(url);
            if (readsReadiness(role) && t != Target.B1) tally.allow(who + url, sr, sr.statusCode() == 200 && sr.body().contains(marker(t)));
            else if (readsReadiness(role)) tally.deny(who + url, sr, sr.statusCode() == 400 && sr.body().contains("情報システムが見つかりません"), sr.body().contains(marker(t)));
            else tally.deny(who + url, sr, refused(sr), sr.body().contains(marker(t)));
        }
        for (Target t : List.of(Target.A2, Target.B1)) {
            if (!api) c.get("/");
            HttpResponse<String> ss = api
                    ? c.sendJson("PUT", p + "/roles", "{\"system\": \"" + t.name() + "\", \"phase\": \"recover\", \"party\": \"development-vendor\", \"raci\": \"R\", \"vendor\": \"乙社\"}")
                    : c.postForm(p + "/roles", Map.of("system", t.name(), "phase", "recover", "party", "development-vendor", "raci", "R", "vendor", "乙社"));
            String w = who + "set role of system " + t;
            boolean written = systemRoleRows(f, f.system.get(t)) > 0;
            if (officer(role) && t != Target.B1) {
                tally.allow(w, ss, written && (api ? ss.statusCode() == 200 && ss.body().contains(marker(t))
                        : ss.statusCode() == 302 && HttpSessionClient.location(ss).endsWith("/partners/roles?system=" + t.name())));
            } else if (officer(role)) {
                tally.deny(w, ss, api ? ss.statusCode() == 400 && ss.body().contains("情報システムが見つかりません")
                        : ss.statusCode() == 302 && HttpSessionClient.location(ss).endsWith("/partners/roles"), written || ss.body().contains(marker(t)));
            } else {
                tally.deny(w, ss, writeRefused(role, api, ss, readsReadiness(role) ? 403 : 404), ss.statusCode() / 100 == 2 || (t == Target.B1 && written));
            }
            if (!api) {
                c.get("/");
                HttpResponse<String> dr = c.postForm(p + "/roles/drills", Map.of("system", t.name(), "date", "2026-11-01", "title", "訓練-" + role));
                String dw = who + "record drill of system " + t;
                boolean drilled = drillRows(f, f.system.get(t), "訓練-" + role) > 0;
                if (officer(role) && t != Target.B1) tally.allow(dw, dr, drilled && dr.statusCode() == 302);
                else if (officer(role)) tally.deny(dw, dr, dr.statusCode() == 302 && HttpSessionClient.location(dr).endsWith("/partners/roles"), drilled);
                else tally.deny(dw, dr, writeRefused(role, api, dr, readsReadiness(role) ? 403 : 404), dr.statusCode() / 100 == 2 || drilled);
            }
        }
        if (!api) {
            HttpResponse<String> x = c.get("/partners/readiness.xlsx");
            if (readsReadiness(role)) tally.allow(who + "/partners/readiness.xlsx", x, x.statusCode() == 200);
            else tally.deny(who + "/partners/readiness.xlsx", x, refused(x), x.statusCode() == 200);
        }
        if (api) irPartnersApi(f, role, c, tally, who);
        // vendors and contracts are registered by the security officer
        if (api) {
            HttpResponse<String> sv = c.sendJson("POST", p + "/vendors", "{\"name\": \"丙社-" + role + "\", \"kind\": \"maintenance\"}");
            if (role == Role.ADMIN || role == Role.SECURITY_OFFICER) tally.allow(who + "POST vendors", sv, sv.statusCode() == 201);
            else tally.deny(who + "POST vendors", sv, writeRefused(role, api, sv, readsReadiness(role) ? 403 : 404), sv.statusCode() / 100 == 2);
            HttpResponse<String> sc = c.sendJson("POST", p + "/contracts", "{\"code\": \"K-NEW-" + role + "\", \"title\": \"new\", \"vendor\": \"乙社\", \"systems\": [\"A2\"]}");
            if (role == Role.ADMIN || role == Role.SECURITY_OFFICER) tally.allow(who + "POST contracts", sc, sc.statusCode() == 201 && sc.body().contains("code-a2"));
            else tally.deny(who + "POST contracts", sc, writeRefused(role, api, sc, readsReadiness(role) ? 403 : 404), sc.statusCode() / 100 == 2);
        } else {
            HttpResponse<String> vp = c.get("/partners/vendors");
            if (readsReadiness(role)) tally.allow(who + "/partners/vendors", vp, vp.statusCode() == 200 && vp.body().contains("乙社"));
            else tally.deny(who + "/partners/vendors", vp, refused(vp), vp.body().contains("乙社"));
        }
        // the contact list: everyone of the organisation except vendors
        HttpResponse<String> contact = c.get(p + "/contact");
        if (role != Role.VENDOR) tally.allow(who + p + "/contact", contact, contact.statusCode() == 200 && !contact.body().contains("MXB1"));
        else tally.deny(who + p + "/contact", contact, refused(contact), contact.body().contains("甲社"));
    }

    /**
     * IR partners through the API (issue 14): the list imported, configuration shares and drills —
     * read by the organisation's readers, changed by its security officer; another organisation's
     * shares, drills, vendors and systems are neither shown nor written.
     */
    private static void irPartnersApi(Fixture f, Role role, HttpSessionClient c, Tally tally, String who) throws Exception {
        String p = "/api/v1/partners";
        int refusal = readsReadiness(role) ? 403 : 404;
        String name = "IR-" + role + "社";
        HttpResponse<String> im = c.upload(p + "/import", "partners-" + role + ".csv",
                ("事業者名,サービス区分,連絡順\n" + name + ",デジタルフォレンジック,9\n").getBytes(StandardCharsets.UTF_8));
        long inA = rows(f, "SELECT COUNT(*) FROM vendor WHERE organization_id = ? AND name = ?", f.orgA, name);
        long inB = rows(f, "SELECT COUNT(*) FROM vendor WHERE organization_id = ? AND name = ?", f.orgB, name);
        if (officer(role)) tally.allow(who + "POST " + p + "/import", im, im.statusCode() == 201 && im.body().contains(name) && inA == 1 && inB == 0);
        else tally.deny(who + "POST " + p + "/import", im, writeRefused(role, true, im, refusal), im.statusCode() / 100 == 2 || inA + inB > 0);

        HttpResponse<String> sl = c.get(p + "/shares");
        if (readsReadiness(role)) listCheck(tally, who + p + "/shares", sl, t -> t == Target.A1);
        else tally.deny(who + p + "/shares", sl, refused(sl), sl.body().contains("MX") || sl.body().contains("sha256"));
        String recipient = "r-" + role;
        HttpResponse<String> sh = c.sendJson("POST", p + "/shares", "{\"vendor\": \"乙社\", \"recipient\": \"" + recipient + "\"}");
        long shared = rows(f, "SELECT COUNT(*) FROM config_share WHERE recipient = ?", recipient);
        if (officer(role)) tally.allow(who + "POST " + p + "/shares", sh, sh.statusCode() == 201 && sh.body().contains("\"xlsx\"") && shared == 1
                && !sh.body().contains("MXB1"));
        else tally.deny(who + "POST " + p + "/shares", sh, writeRefused(role, true, sh, refusal), sh.statusCode() / 100 == 2 || shared > 0);
        // a vendor only organisation B has cannot be named from A
        long bShares = rows(f, "SELECT COUNT(*) FROM config_share WHERE organization_id = ?", f.orgB);
        HttpResponse<String> xb = c.sendJson("POST", p + "/shares", "{\"vendor\": \"" + ONLY_B + "\"}");
        boolean bWritten = rows(f, "SELECT COUNT(*) FROM config_share WHERE organization_id = ?", f.orgB) != bShares;
        if (officer(role)) tally.deny(who + "POST " + p + "/shares [B's vendor]", xb, xb.statusCode() == 400 && xb.body().contains("事業者が見つかりません"), bWritten);
        else tally.deny(who + "POST " + p + "/shares [B's vendor]", xb, writeRefused(role, true, xb, refusal), bWritten || xb.statusCode() / 100 == 2);

        HttpResponse<String> dl = c.get(p + "/drills");
        if (readsReadiness(role)) listCheck(tally, who + p + "/drills", dl, t -> t == Target.A1);
        else tally.deny(who + p + "/drills", dl, refused(dl), dl.body().contains("MX"));
        HttpResponse<String> db = c.get(p + "/drills?system=B1");
        if (readsReadiness(role)) tally.deny(who + p + "/drills?system=B1", db, db.statusCode() == 400 && db.body().contains("情報システムが見つかりません"), db.body().contains("MXB1"));
        else tally.deny(who + p + "/drills?system=B1", db, refused(db), db.body().contains("MXB1"));
        for (Target t : List.of(Target.A2, Target.B1)) {
            String title = "API訓練-" + role;
            HttpResponse<String> dr = c.sendJson("POST", p + "/drills", "{\"date\": \"2026-11-01\", \"title\": \"" + title + "\", \"system\": \"" + t.name() + "\"}");
            boolean drilled = drillRows(f, f.system.get(t), title) > 0;
            String w = who + "POST " + p + "/drills [" + t + "]";
            if (officer(role) && t != Target.B1) tally.allow(w, dr, dr.statusCode() == 201 && drilled);
            else if (officer(role)) tally.deny(w, dr, dr.statusCode() == 400 && dr.body().contains("情報システムが見つかりません"), drilled);
            else tally.deny(w, dr, writeRefused(role, true, dr, refusal), dr.statusCode() / 100 == 2 || drilled);
        }
    }

    private static long rows(Fixture f, String sql, Object... params) throws Exception {
        return f.db.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Detections and incidents (issue 15): lists and ids for the organisation's readers only, the
     * timeline export likewise, the state change for the security officer and administrator (an
     * auditor 403), and the dashboard's 「不正アクセスの疑い」 card only for those who may open it.
     */
    private static void detection(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        String p = api ? "/api/v1" : "";
        boolean reader = readsDetections(role, Target.A1);
        for (String list : List.of(p + "/detections", p + "/incidents")) {
            for (String org : List.of("", "?org=" + f.orgB)) {
                if (!org.isEmpty() && role != Role.ADMIN) continue;
                HttpResponse<String> r = c.get(list + org);
                for (Target t : Target.values()) {
                    boolean visible = org.isEmpty() ? reader && t != Target.B1 : t == Target.B1;
                    boolean shown = r.body().contains(staff(t));
                    String w = who + list + org + " [" + t + "]";
                    if (visible) tally.allow(w, r, r.statusCode() == 200 && shown);
                    else tally.deny(w, r, reader ? r.statusCode() == 200 : refused(r), shown);
                }
            }
        }
        for (Target t : Target.values()) {
            boolean allowed = readsDetections(role, t);
            for (String url : List.of(p + "/incidents/" + f.incident.get(t), p + "/detections/" + f.detection.get(t),
                    api ? p + "/incidents/" + f.incident.get(t) + "/timeline?format=csv" : "/incidents/" + f.incident.get(t) + "/timeline.csv")) {
                HttpResponse<String> r = c.get(url);
                String w = who + url + " [" + t + "]";
                if (allowed) tally.allow(w, r, r.statusCode() == 200 && r.body().contains(staff(t)));
                else tally.deny(w, r, r.statusCode() == 404, r.body().contains(staff(t)) || r.statusCode() == 200);
            }
            if (!api) {
                String x = "/incidents/" + f.incident.get(t) + "/timeline.xlsx";
                HttpResponse<String> r = c.get(x);
                if (allowed) tally.allow(who + x + " [" + t + "]", r, r.statusCode() == 200);
                else tally.deny(who + x + " [" + t + "]", r, r.statusCode() == 404, r.statusCode() == 200);
            }
            // contained, then open again (so that every role's run finds the incidents open)
            for (String state : List.of("contained", "open")) {
                String url = p + "/incidents/" + f.incident.get(t) + "/state";
                if (!api) c.get("/");
                // the note carries the target's marker: the audit page's own check finds the organisation's entries by it
                HttpResponse<String> r = api ? c.sendJson("POST", url, "{\"state\": \"" + state + "\", \"note\": \"matrix " + marker(t) + "\"}")
                        : c.postForm(url, Map.of("state", state, "note", "matrix " + marker(t)));
                String w = who + "POST " + url + " " + state + " [" + t + "]";
                if (allowed && (role == Role.ADMIN || role == Role.SECURITY_OFFICER)) {
                    tally.allow(w, r, api ? r.statusCode() == 200 && r.body().contains("\"to\":\"" + state + "\"")
                            : r.statusCode() == 302 && ("/incidents/" + f.incident.get(t)).equals(HttpSessionClient.location(r)));
                    if (!api) c.get(HttpSessionClient.location(r)); // shows (and so uses up) the message
                } else {
                    tally.deny(w, r, writeRefused(role, api, r, allowed ? 403 : 404), r.body().contains(staff(t)) || r.statusCode() / 100 == 2
                            || r.statusCode() == 302);
                }
            }
        }
        allowList(f, role, c, api, tally, who);
        thresholds(f, role, c, api, tally, who);
        if (!api) {
            HttpResponse<String> dash = c.get("/");
            boolean card = dash.body().contains("id=\"incident-card\"");
            if (reader) tally.allow(who + "/ incident card", dash, dash.statusCode() == 200 && card);
            else tally.deny(who + "/ incident card", dash, dash.statusCode() == 200, card);
        }
    }

    /**
     * The detection allow-list (issue 15 configuration): read by the organisation's readers of
     * detections, added to and removed from by the security officer and the administrator (an auditor
     * 403, anyone else 404); another organisation's entry is never listed nor removed (404, still there).
     */
    private static void allowList(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        String p = (api ? "/api/v1" : "") + "/detection/allow";
        boolean reader = readsDetections(role, Target.A1);
        boolean writer = reader && officer(role);
        int refusal = reader ? 403 : 404;
        HttpResponse<String> list = c.get(p);
        for (Target t : Target.values()) {
            boolean shown = list.body().contains(marker(t) + "-egress");
            String w = who + p + " [" + t + "]";
            if (reader && t != Target.B1) tally.allow(w, list, list.statusCode() == 200 && shown);
            else tally.deny(w, list, reader ? list.statusCode() == 200 : refused(list), shown);
        }
        // an entry added and removed again (so that every role's run finds the same list)
        String range = "198.18." + (role.ordinal() * 10 + (api ? 1 : 2)) + ".0/24";
        if (!api) c.get(p);
        HttpResponse<String> add = api ? c.sendJson("POST", p, "{\"kind\": \"cgnat\", \"value\": \"" + range + "\", \"note\": \"matrix\"}")
                : c.postForm(p, Map.of("kind", "cgnat", "value", range, "note", "matrix"));
        java.util.Optional<jp.mamori.detection.store.DetectionStore.AllowRow> added = allowRow(f, f.orgA, range);
        if (writer) {
            tally.allow(who + "POST " + p, add, added.isPresent() && (api ? add.statusCode() == 201 : add.statusCode() == 302
                    && p.equals(HttpSessionClient.location(add))));
            if (added.isPresent()) {
                String remove = p + "/" + added.get().id() + "/remove";
                if (!api) c.get(p);
                HttpResponse<String> rm = api ? c.sendJson("POST", remove, "{}") : c.postForm(remove, Map.of());
                tally.allow(who + "POST " + remove, rm, (api ? rm.statusCode() == 200 : rm.statusCode() == 302) && allowRow(f, f.orgA, range).isEmpty());
            }
        } else {
            tally.deny(who + "POST " + p, add, writeRefused(role, api, add, refusal), added.isPresent() || add.statusCode() / 100 == 2);
        }
        // removing an entry by id: the own organisation's for its officer, never another organisation's
        for (Target t : List.of(Target.A2, Target.B1)) {
            long org = t == Target.B1 ? f.orgB : f.orgA;
            jp.mamori.detection.store.DetectionStore.AllowRow row = allowRowById(f, org, f.allow.get(t)).orElseThrow();
            String remove = p + "/" + row.id() + "/remove";
            if (!api) c.get(p);
            HttpResponse<String> rm = api ? c.sendJson("POST", remove, "{}") : c.postForm(remove, Map.of());
            boolean gone = allowRowById(f, org, row.id()).isEmpty();
            String w = who + "POST " + remove + " [" + t + "]";
            if (writer && t != Target.B1) {
                tally.allow(w, rm, gone && (api ? rm.statusCode() == 200 : rm.statusCode() == 302));
                // put back for the next run, with a new id
                f.db.inTransaction(x -> new jp.mamori.detection.store.DetectionStore(f.db.dataSource()).addAllow(x, org, List.of(row.entry()), "setup", Instant.now()));
                f.allow.put(t, allowRow(f, org, row.entry().value()).orElseThrow().id());
            } else {
                tally.deny(w, rm, writeRefused(role, api, rm, t == Target.B1 && writer ? 404 : refusal), gone || rm.body().contains(marker(t)));
            }
        }
    }

    /**
     * The organisation's own thresholds (issue 15): read by the readers of detections, set by the
     * security officer and the administrator (an auditor 403, anyone else 404), and never another
     * organisation's (asking for B changes the caller's own organisation or nothing).
     */
    private static void thresholds(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        String p = (api ? "/api/v1" : "") + "/detection/policy";
        boolean reader = readsDetections(role, Target.A1);
        boolean writer = reader && officer(role);
        HttpResponse<String> r = c.get(p);
        if (reader) tally.allow(who + p, r, r.statusCode() == 200 && r.body().contains("session-idle"));
        else tally.deny(who + p, r, refused(r), r.body().contains("session-idle"));
        jp.mamori.detection.store.DetectionStore store = new jp.mamori.detection.store.DetectionStore(f.db.dataSource());
        for (String value : List.of("3h", "default")) {
            if (!api) c.get(p);
            String url = p + (role == Role.ADMIN ? "" : "?org=" + f.orgB);
            HttpResponse<String> set = api ? c.sendJson("PUT", url, "{\"session-idle\": \"" + value + "\"}") : c.postForm(url, Map.of("session-idle", value));
            boolean inA = store.thresholds(f.orgA).containsKey(jp.mamori.detection.rules.PolicySetting.SESSION_IDLE);
            boolean bChanged = !store.thresholds(f.orgB).isEmpty();
            String w = who + (api ? "PUT " : "POST ") + url + " " + value;
            if (writer) {
                tally.allow(w, set, !bChanged && inA == value.equals("3h") && (api ? set.statusCode() == 200 : set.statusCode() == 302));
            } else {
                tally.deny(w, set, writeRefused(role, api, set, reader ? 403 : 404), bChanged || inA || set.statusCode() / 100 == 2);
            }
        }
    }

    private static java.util.Optional<jp.mamori.detection.store.DetectionStore.AllowRow> allowRow(Fixture f, long org, String value) {
        return new jp.mamori.detection.store.DetectionStore(f.db.dataSource()).allowRows(org).stream().filter(r -> r.entry().value().equals(value)).findFirst();
    }

    private static java.util.Optional<jp.mamori.detection.store.DetectionStore.AllowRow> allowRowById(Fixture f, long org, long id) {
        return new jp.mamori.detection.store.DetectionStore(f.db.dataSource()).allowRows(org).stream().filter(r -> r.id() == id).findFirst();
    }

    static final String UNTIL = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(30).toString();

    /** Recording decisions and updating mitigation items: allowed where the asset may be changed, else 404 (vendor accepting a risk: 403). */
    private static void decisions(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who, Target t) throws Exception {
        long id = f.finding.get(t);
        String url = (api ? "/api/v1" : "") + "/findings/" + id + "/decision";
        // mitigate with a review date
        if (!api) c.get("/");
        HttpResponse<String> r = api
                ? c.sendJson("POST", url, "{\"action\": \"mitigate\", \"reason\": \"matrix " + role + "\", \"until\": \"" + UNTIL + "\"}")
                : c.postForm(url, Map.of("action", "mitigate", "reason", "matrix " + role, "until", UNTIL));
        String what = who + "POST " + url + " mitigate [" + t + "]";
        if (decides(role, t)) {
            boolean ok = api ? r.statusCode() == 201 && r.body().contains("\"to\":\"mitigat")
                    : r.statusCode() == 302 && ("/findings/" + id + "#decision").equals(HttpSessionClient.location(r))
                    && c.get("/findings/" + id).body().contains("判断を記録しました");
            tally.allow(what, r, ok);
        } else {
            tally.deny(what, r, writeRefused(role, api, r, 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
        }
        // accept the risk with the security officer's approval (organisation A only: the approver is A's officer)
        if (t != Target.B1) {
            if (!api) c.get("/");
            String approver = f.usernames.get(Role.SECURITY_OFFICER);
            r = api ? c.sendJson("POST", url, "{\"action\": \"accept\", \"reason\": \"matrix accept\", \"until\": \"" + UNTIL
                            + "\", \"approver\": \"" + approver + "\"}")
                    : c.postForm(url, Map.of("action", "accept", "reason", "matrix accept", "until", UNTIL, "approver", approver));
            what = who + "POST " + url + " accept [" + t + "]";
            if (accepts(role, t)) {
                // the officer approves their own acceptance at once; anyone else's waits for the officer (issue 18.5)
                boolean own = role == Role.SECURITY_OFFICER;
                boolean ok = api ? r.statusCode() == 201 && (own ? r.body().contains("\"to\":\"risk_accepted\"")
                                : r.body().contains("\"pendingApproval\"") && !r.body().contains("\"to\":\"risk_accepted\""))
                        : r.statusCode() == 302 && c.get("/findings/" + id).body().contains(own ? "判断を記録しました" : "承認依頼として記録しました");
                tally.allow(what, r, ok);
            } else {
                int expected = decides(role, t) ? 403 : 404; // the vendor sees its finding but may not accept the risk
                tally.deny(what, r, writeRefused(role, api, r, expected), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
            }
        }
        // approving the pending risk acceptance: only the named officer (A's officer for A1/A2), once; else 403 where the
        // finding is visible, 404 where it is not
        String aurl = (api ? "/api/v1" : "") + "/approvals/" + f.approval.get(t) + "/approve";
        if (!api) c.get("/");
        r = api ? c.sendJson("POST", aurl, "{}") : c.postForm(aurl, Map.of());
        what = who + "POST " + aurl + " [" + t + "]";
        if (!api && r.statusCode() == 302 && HttpSessionClient.location(r) != null) {
            c.get(HttpSessionClient.location(r).replaceFirst("#.*", "")); // the page shows (and so uses up) the message
        }
        if (role == Role.SECURITY_OFFICER && t != Target.B1) {
            boolean ok = api ? r.statusCode() == 200 && r.body().contains("\"to\":\"risk_accepted\"")
                    : r.statusCode() == 302 && ("/findings/" + id + "#decision").equals(HttpSessionClient.location(r)); // approved by the API pass already
            tally.allow(what, r, ok);
        } else {
            tally.deny(what, r, writeRefused(role, api, r, readsAsset(role, t) ? 403 : 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2
                    || r.statusCode() == 302);
        }
        if (api) {
            // the list of pending acceptances never names a finding the caller may not see, nor one of the other organisation
            HttpResponse<String> list = c.get("/api/v1/approvals");
            boolean listed = list.body().contains("\"findingId\":" + id + ",");
            if (!readsAsset(role, t) || t == Target.B1) {
                tally.deny(who + "GET /api/v1/approvals [" + t + "]", list, list.statusCode() == 200, listed || list.body().contains(marker(t)));
            } else {
                tally.allow(who + "GET /api/v1/approvals [" + t + "]", list, list.statusCode() == 200 && !list.body().contains(marker(Target.B1)));
            }
        }

        // patch by a date (the finding stays on the dashboard as a patch still owed)
        if (!api) c.get("/");
        r = api ? c.sendJson("POST", url, "{\"action\": \"patch\", \"reason\": \"matrix patch\", \"until\": \"" + UNTIL + "\"}")
                : c.postForm(url, Map.of("action", "patch", "reason", "matrix patch", "until", UNTIL));
        what = who + "POST " + url + " patch [" + t + "]";
        if (decides(role, t)) {
            boolean ok = api ? r.statusCode() == 201 && r.body().contains("\"to\":\"patch_scheduled\"")
                    : r.statusCode() == 302 && c.get("/findings/" + id).body().contains("判断を記録しました");
            tally.allow(what, r, ok);
        } else {
            tally.deny(what, r, writeRefused(role, api, r, 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
        }
        // a mitigation item: owner and status
        String murl = (api ? "/api/v1" : "") + "/findings/" + id + "/mitigations/" + f.mitigation.get(t);
        if (!api) c.get("/");
        r = api ? c.sendJson("PATCH", murl, "{\"status\": \"doing\", \"owner\": \"matrix\"}")
                : c.postForm(murl, Map.of("status", "doing", "owner", "matrix"));
        what = who + (api ? "PATCH " : "POST ") + murl + " [" + t + "]";
        if (decides(role, t)) {
            boolean ok = api ? r.statusCode() == 200 && r.body().contains("\"status\":\"doing\"")
                    : r.statusCode() == 302 && ("/findings/" + id + "#mitigations").equals(HttpSessionClient.location(r));
            tally.allow(what, r, ok);
        } else {
            tally.deny(what, r, writeRefused(role, api, r, 404), r.body().contains(marker(t)) || r.statusCode() / 100 == 2);
        }
        // another finding's item through this finding: not found
        Target other = t == Target.A1 ? Target.A2 : Target.A1;
        String cross = (api ? "/api/v1" : "") + "/findings/" + id + "/mitigations/" + f.mitigation.get(other);
        if (!api) c.get("/");
        r = api ? c.sendJson("PATCH", cross, "{\"owner\": \"x\"}") : c.postForm(cross, Map.of("owner", "x"));
        tally.deny(who + "cross-finding item " + cross + " [" + t + "]", r, writeRefused(role, api, r, 404),
                r.body().contains(marker(other)) || r.statusCode() / 100 == 2 || r.statusCode() == 302);
        // VEX of the asset
        byId(tally, who, c, "/api/v1/assets/" + f.asset.get(t) + "/vex?format=cyclonedx", t, readsAsset(role, t));
    }

    /**
     * The prefecture view and tenant administration (issue 17): the operator sees counts of the
     * municipalities it serves, details only of the one that granted them, and nothing else; only the
     * instance administrator administers organisations.
     */
    private static void prefecture(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        boolean op = role == Role.PREFECTURE_OPERATOR;
        String list = api ? "/api/v1/prefecture/organizations" : "/prefecture";
        HttpResponse<String> r = c.get(list);
        if (op) tally.allow(who + list, r, r.statusCode() == 200 && r.body().contains("012033") && r.body().contains("012041") && !anyMarker(r.body()));
        else tally.deny(who + list, r, refused(r), r.body().contains("012041") && r.body().contains("470006"));
        for (long org : new long[] {f.orgA, f.orgB}) {
            boolean granted = op && org == f.orgB;
            String url = (api ? "/api/v1" : "") + "/prefecture/organizations/" + org + (api ? "/findings" : "");
            HttpResponse<String> d = c.get(url);
            if (granted) tally.allow(who + url, d, d.statusCode() == 200 && !d.body().contains(marker(Target.A1)) && !d.body().contains(marker(Target.A2)));
            else tally.deny(who + url, d, refused(d), anyMarker(d.body()) || d.body().contains("CVE-"));
        }
        grants(f, role, c, api, tally, who);
        String jobs = api ? "/api/v1/admin/jobs" : "/admin/jobs";
        HttpResponse<String> jr = c.get(jobs);
        if (role == Role.ADMIN) tally.allow(who + jobs, jr, jr.statusCode() == 200 && jr.body().contains("setup-job"));
        else tally.deny(who + jobs, jr, refused(jr), jr.body().contains("setup-job"));
        String admin = api ? "/api/v1/admin/organizations" : "/admin/organizations";
        HttpResponse<String> a = c.get(admin);
        if (role == Role.ADMIN) tally.allow(who + admin, a, a.statusCode() == 200 && a.body().contains("012041"));
        else tally.deny(who + admin, a, refused(a), a.body().contains("012041"));
        if (api) {
            String code = "9" + String.format("%05d", Math.abs((role.name() + who).hashCode()) % 100000);
            HttpResponse<String> created = c.sendJson("POST", admin, "{\"code\": \"" + code + "\", \"name\": \"新団体\", \"officer\": \"mx-new-" + code + "\"}");
            if (role == Role.ADMIN) tally.allow(who + "POST " + admin, created, created.statusCode() == 201 && created.body().contains("oneTimePassword"));
            else tally.deny(who + "POST " + admin, created, created.statusCode() == 404 || created.statusCode() == 403, created.statusCode() / 100 == 2);
        }
    }

    private static long systemRoleRows(Fixture f, long systemId) throws Exception {
        return f.db.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM system_role_assignment WHERE system_id = ?")) {
                ps.setLong(1, systemId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Checklist rows of the target's contract whose reviewed or proposed article is the given one. */
    private static long clauseRows(Fixture f, Target t, String article) throws Exception {
        return f.db.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM contract_clause cc JOIN contract k ON k.id = cc.contract_id"
                    + " WHERE k.code = ? AND k.organization_id = ? AND (cc.article = ? OR cc.proposed_article = ?)")) {
                ps.setString(1, "K-" + t.name());
                ps.setLong(2, t == Target.B1 ? f.orgB : f.orgA);
                ps.setString(3, article);
                ps.setString(4, article);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static long drillRows(Fixture f, long systemId, String title) throws Exception {
        return f.db.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ir_drill WHERE system_id = ? AND title = ?")) {
                ps.setLong(1, systemId);
                ps.setString(2, title);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * A municipality's grants to its prefecture (web and API): its security officer (and the
     * administrator, for the chosen organisation A) grants and revokes, its auditor reads, nobody
     * else sees the page; B's grant is neither listed in A nor revocable from A.
     */
    private static void grants(Fixture f, Role role, HttpSessionClient c, boolean api, Tally tally, String who) throws Exception {
        boolean reads = role == Role.ADMIN || role == Role.SECURITY_OFFICER || role == Role.AUDITOR;
        boolean writes = role == Role.ADMIN || role == Role.SECURITY_OFFICER;
        jp.mamori.remediation.PrefectureStatus status = new jp.mamori.remediation.PrefectureStatus(f.db.dataSource());
        String list = api ? "/api/v1/grants" : "/grants";
        // the administrator works in A by choice; anyone else asking for B still works in their own A
        String org = "?org=" + (role == Role.ADMIN ? f.orgA : f.orgB);
        HttpResponse<String> r = c.get(list + org);
        if (reads) tally.allow(who + list + org, r, r.statusCode() == 200 && r.body().contains("470006") && !r.body().contains(marker(Target.B1)));
        else tally.deny(who + list + org, r, refused(r), r.body().contains(marker(Target.B1)) || r.body().contains("470006"));

        // granting (then revoking at once, so that the operator's checks still find A without a grant); never for B
        long before = status.grantsOf(f.orgA).size();
        long beforeB = status.grantsOf(f.orgB).size();
        if (!api) c.get("/");
        HttpResponse<String> g = api ? c.sendJson("POST", list + org, "{\"prefecture\": \"470006\", \"days\": 1, \"reason\": \"matrix " + role + "\"}")
                : c.postForm(list + org, Map.of("prefecture", "470006", "days", "1", "reason", "matrix " + role));
        List<jp.mamori.remediation.PrefectureStatus.Grant> ofA = status.grantsOf(f.orgA);
        boolean bChanged = status.grantsOf(f.orgB).size() != beforeB;
        if (writes) {
            boolean ok = (api ? g.statusCode() == 201 : g.statusCode() == 302 && "/grants".equals(HttpSessionClient.location(g))) && ofA.size() == before + 1
                    && ofA.get(0).activeAt(Instant.now()) && !bChanged;
            tally.allow(who + "POST " + list + org, g, ok);
            if (ok) {
                String revoke = list + "/" + ofA.get(0).id() + "/revoke" + org;
                if (!api) c.get("/grants" + org);
                HttpResponse<String> rv = api ? c.sendJson("POST", revoke, "{}") : c.postForm(revoke, Map.of());
                tally.allow(who + "POST " + revoke, rv, (api ? rv.statusCode() == 200 : rv.statusCode() == 302)
                        && status.grant(ofA.get(0).id()).orElseThrow().revokedAt() != null);
            }
        } else {
            tally.deny(who + "POST " + list + org, g, writeRefused(role, api, g, role == Role.AUDITOR ? 403 : 404),
                    ofA.size() != before || bChanged || g.statusCode() / 100 == 2);
        }
        // another organisation's grant: not found, still in force
        if (!api) c.get("/");
        String foreign = list + "/" + f.grantB + "/revoke" + org;
        HttpResponse<String> fr = api ? c.sendJson("POST", foreign, "{}") : c.postForm(foreign, Map.of());
        tally.deny(who + "POST " + foreign + " [B]", fr, writeRefused(role, api, fr, role == Role.AUDITOR ? 403 : 404),
                status.grant(f.grantB).orElseThrow().revokedAt() != null || fr.body().contains(marker(Target.B1)));
    }

    /** The whole markers (a random CSRF token may well contain "MXA"). */
    private static boolean anyMarker(String body) {
        for (Target t : Target.values()) if (body.contains(marker(t))) return true;
        return false;
    }

    /** A refused write: the expected status; an auditor's read-only token is stopped earlier with 403. */
    private static boolean writeRefused(Role role, boolean api, HttpResponse<String> r, int expected) {
        if (api && role == Role.AUDITOR) return r.statusCode() == 403;
        return r.statusCode() == expected;
    }

    private static void byId(Tally tally, String who, HttpSessionClient c, String url, Target t, boolean allowed) throws Exception {
        HttpResponse<String> r = c.get(url);
        String what = who + url + " [" + t + "]";
        if (allowed) tally.allow(what, r, r.statusCode() == 200 && r.body().contains(marker(t)));
        // out of scope answers exactly like absent: 404, not 403
        else tally.deny(what, r, r.statusCode() == 404, r.body().contains(marker(t)) || r.statusCode() == 200);
    }

    private static void listCheck(Tally tally, String what, HttpResponse<String> r, java.util.function.Predicate<Target> visible) {
        for (Target t : Target.values()) {
            String w = what + " [" + t + "]";
            boolean shown = r.body().contains(marker(t));
            if (visible.test(t)) tally.allow(w, r, r.statusCode() == 200 && shown);
            else tally.deny(w, r, r.statusCode() == 200 || refused(r), shown);
        }
    }

    private static boolean refused(HttpResponse<String> r) {
        return r.statusCode() == 404 || r.statusCode() == 403;
    }

    /** Without sign-in: the API answers 401, pages send to the sign-in page, and nothing is shown. */
    private static void anonymous(Fixture f, String base, Tally tally) throws Exception {
        HttpSessionClient api = HttpSessionClient.api(base, "mmr_not-a-token");
        HttpSessionClient page = HttpSessionClient.browser(base);
        List<String> urls = new ArrayList<>();
        for (Target t : Target.values()) {
            urls.add("/findings/" + f.finding.get(t));
            urls.add("/assets/" + f.asset.get(t));
            urls.add("/systems/" + f.system.get(t));
            urls.add("/sboms/" + f.sbom.get(t));
        }
        urls.addAll(List.of("/findings", "/assets", "/systems", "/users", "/audit", "/feeds", "/vulnerabilities/" + CVE,
                "/partners", "/partners/contracts/K-A1", "/partners/readiness", "/partners/contact", "/detections", "/incidents",
                "/incidents/" + f.incident.get(Target.A1), "/detections/" + f.detection.get(Target.A1), "/grants", "/detection/allow", "/detection/policy"));
        for (String u : urls) {
            HttpResponse<String> r = api.get("/api/v1" + u);
            tally.deny("anonymous api " + u, r, r.statusCode() == 401, r.body().contains("MX") || r.body().contains("-staff"));
            HttpResponse<String> pr = page.get(u);
            tally.deny("anonymous page " + u, pr, pr.statusCode() == 302 && HttpSessionClient.location(pr).endsWith("/login"), pr.body().contains("MX"));
        }
        // the officer's forms (pages only: each bad token counts towards the sign-in limit of this address)
        for (String u : List.of("/partners/vendors/new", "/partners/contracts/new", "/partners/contracts/K-A1/edit", "/partners/contracts/K-A1/document")) {
            HttpResponse<String> pr = page.get(u);
            tally.deny("anonymous page " + u, pr, pr.statusCode() == 302 && HttpSessionClient.location(pr).endsWith("/login"), pr.body().contains("MX"));
        }
        HttpResponse<String> dash = page.get("/");
        tally.deny("anonymous page /", dash, dash.statusCode() == 302, dash.body().contains("MX"));
    }
}
