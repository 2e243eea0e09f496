package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.remediation.Worklist;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12.5 ("the dashboard says Act 6 and 期限超過 6; the lists they link to show 4"): on the demo's
 * data every count agrees — each dashboard card, the rows of the list page it links to, the same list
 * through the API, {@code /api/v1/dashboard}, {@code mamori findings summary} and the rows of
 * {@code mamori findings list} with the card's filters.
 */
class DemoCountsAgreeTest {

    static final String PASSWORD = "Demo-Counts-Agree-2026!";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CARD = Pattern.compile("<a href=\"([^\"]*)\" id=\"card-([a-z-]+)\">\\s*<span class=\"card-n\">(\\d+)</span>");
    static final Pattern READY = Pattern.compile("要対応 (\\d+) / 要注意 (\\d+) / 良好 (\\d+)");
    static final Pattern TD = Pattern.compile("<td[^>]*>([^<]*)</td>");
    static final Pattern ROW = Pattern.compile("<th scope=\"row\"><a href=\"/findings/(\\d+)\"");

    @Test
    void everyCardItsListTheApiAndTheCliCountTheSameRows() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-counts-");
        String data = dataDir.toString();
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", data)).isZero();

        // the command line first (the embedded database admits one user at a time)
        JsonNode summary = JSON.readTree(cli("findings", "summary", "--format", "json", "--data", data)).get("counts");
        Map<String, Long> cliCounts = new LinkedHashMap<>();
        Map<String, Long> cliListed = new LinkedHashMap<>();
        for (Worklist.Card c : Worklist.Card.values()) {
            cliCounts.put(c.key(), summary.get(jsonName(c)).asLong());
            List<String> args = new ArrayList<>(List.of("findings", "list", "--format", "json", "--data", data));
            c.listParameters().forEach((k, v) -> {
                args.add("--" + k);
                if (!"true".equals(v)) args.add(v);
            });
            JsonNode list = JSON.readTree(cli(args.toArray(String[]::new)));
            assertThat(list.get("findings").size()).as("cli rows of " + c.key()).isEqualTo(list.get("total").asLong());
            cliListed.put(c.key(), list.get("total").asLong());
        }
        assertThat(cliListed).as("CLI list rows = CLI summary").isEqualTo(cliCounts);
        assertThat(cliCounts.get("act")).as("the demo has urgent work").isPositive();
        assertThat(cliCounts.get("open")).isEqualTo(cliCounts.get("act") + cliCounts.get("attend") + cliCounts.get("track-star") + cliCounts.get("track")
                + untriaged(data));
        assertThat(cliCounts.get("overdue")).as("no deadline years past on day one").isZero();
        // the town's own summary, for the prefecture's overview below
        JsonNode townSummary = JSON.readTree(cli("findings", "summary", "--format", "json", "--org", "999998", "--data", data)).get("counts");
        assertThat(townSummary.get("boundaryAct").asLong()).as("the town's gateway is exploited too").isPositive();
        // the town lets the cloud's operators see its details; 守里市 shares counts only
        cli("prefecture", "grant", "--org", "999998", "--prefecture", "990000", "--days", "7", "--reason", "件数の照合", "--by", "town-officer", "--data", data);
        String prefectureStatus = cli("prefecture", "status", "--prefecture", "990000", "--data", data);
        // each municipality's own readiness report (red / amber / green), for the overview's readiness state
        Map<String, List<Long>> readiness = new LinkedHashMap<>();
        for (String org : List.of("999999", "999998")) {
            String report = cli("readiness", "show", "--org", org, "--data", data);
            Matcher r = READY.matcher(report);
            assertThat(r.find()).as(report).isTrue();
            readiness.put(org, List.of(Long.parseLong(r.group(1)), Long.parseLong(r.group(2)), Long.parseLong(r.group(3))));
        }

        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            AuditLog audit = new AuditLog(db.dataSource());
            UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, Map.of()));
            String oneTime = users.resetPassword("sec-officer", "test");
            UserAccount officer = users.find("sec-officer").orElseThrow();
            users.changePassword(officer.id(), oneTime, PASSWORD);
            String secret = Totp.newSecret();
            users.enrolTotp(officer.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
            ApiTokenStore tokens = new ApiTokenStore(db.dataSource(), audit);
            String token = tokens.issue(users.find("sec-officer").orElseThrow(), "counts", List.of("read"), 1, "test").secret();
            String operatorToken = tokens.issue(users.find("pref-operator").orElseThrow(), "counts", List.of("read"), 1, "test").secret();
            String operatorSecret = Totp.newSecret();
            UserAccount operator = users.find("pref-operator").orElseThrow();
            users.changePassword(operator.id(), users.resetPassword("pref-operator", "test"), PASSWORD);
            users.enrolTotp(operator.id(), operatorSecret, Totp.code(operatorSecret, Totp.step(Instant.now()) - 1));
            String townToken = tokens.issue(users.find("town-officer").orElseThrow(), "counts", List.of("read"), 1, "test").secret();
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient page = HttpSessionClient.signedIn(base, "sec-officer", PASSWORD, secret);
                HttpSessionClient api = HttpSessionClient.api(base, token);

                String dashboard = page.get("/").body();
                Map<String, Long> cards = new LinkedHashMap<>();
                Map<String, Long> listRows = new LinkedHashMap<>();
                Map<String, Long> apiRows = new LinkedHashMap<>();
                Matcher m = CARD.matcher(dashboard);
                while (m.find()) {
                    String href = m.group(1).replace("&amp;", "&");
                    cards.put(m.group(2), Long.parseLong(m.group(3)));
                    String sized = href + (href.contains("?") ? "&" : "?") + "size=200";
                    HttpResponse<String> list = page.get(sized);
                    assertThat(list.statusCode()).as(sized).isEqualTo(200);
                    listRows.put(m.group(2), (long) ROW.matcher(list.body()).results().count());
                    JsonNode items = JSON.readTree(api.get("/api/v1" + sized).body());
                    assertThat(items.get("items").size()).as("api rows of " + href).isEqualTo(items.get("total").asLong());
                    apiRows.put(m.group(2), items.get("total").asLong());
                }
                assertThat(cards.keySet()).as("the dashboard's cards").containsExactlyInAnyOrder("act", "attend", "track-star", "track", "overdue",
                        "open", "boundary-act");
                assertThat(listRows).as("each card = the rows of the list it links to").isEqualTo(cards);
                assertThat(apiRows).as("= the same list through the API").isEqualTo(cards);
                Map<String, Long> cliOfCards = new LinkedHashMap<>(cliCounts);
                cliOfCards.keySet().retainAll(cards.keySet());
                assertThat(cliOfCards).as("= mamori findings summary / list").isEqualTo(cards);

                JsonNode dash = JSON.readTree(api.get("/api/v1/dashboard").body()).get("counts");
                for (Worklist.Card c : Worklist.Card.values()) {
                    assertThat(dash.get(jsonName(c)).asLong()).as("/api/v1/dashboard " + c.key()).isEqualTo(cliCounts.get(c.key()));
                }

                // the asset page counts the same rows as its findings link (the mitigated gateway included)
                JsonNode gwList = JSON.readTree(api.get("/api/v1/findings?q=vpn-gw-01&size=200").body());
                long gatewayAsset = gwList.get("items").get(0).at("/asset/id").asLong();
                JsonNode asset = JSON.readTree(api.get("/api/v1/assets/" + gatewayAsset).body()).get("openFindings");
                long assetOpen = 0;
                for (JsonNode n : asset) assetOpen += n.asLong();
                long assetListed = JSON.readTree(api.get("/api/v1/findings?asset=" + gatewayAsset + "&size=200").body()).get("total").asLong();
                assertThat(assetOpen).as("asset page vs its list").isEqualTo(assetListed).isPositive();

                // issue 17: the prefecture operator's overview counts what each municipality's own dashboard counts
                JsonNode overview = JSON.readTree(HttpSessionClient.api(base, operatorToken).get("/api/v1/prefecture/organizations").body());
                Map<String, JsonNode> own = Map.of("999999", dash, "999998",
                        JSON.readTree(HttpSessionClient.api(base, townToken).get("/api/v1/dashboard").body()).get("counts"));
                assertThat(overview).extracting(n -> n.get("code").asText()).containsExactly("999998", "999999");
                for (JsonNode row : overview) {
                    JsonNode counts = own.get(row.get("code").asText());
                    String org = row.get("code").asText();
                    assertThat(row.get("boundaryAct").asLong()).as(org + " boundary Act").isEqualTo(counts.get("boundaryAct").asLong()).isPositive();
                    assertThat(row.get("overdue").asLong()).as(org + " overdue").isEqualTo(counts.get("overdue").asLong());
                    assertThat(row.get("open").asLong()).as(org + " open").isEqualTo(counts.get("open").asLong());
                    assertThat(row.get("openIncidents").asLong()).as(org + " open incidents").isEqualTo(counts.get("openIncidents").asLong());
                    assertThat(List.of(row.at("/readiness/red").asLong(), row.at("/readiness/amber").asLong(), row.at("/readiness/green").asLong()))
                            .as(org + " readiness red/amber/green").isEqualTo(readiness.get(org));
                    assertThat(row.get("detailsGrantedUntil").isNull()).as(org + " granted details").isEqualTo(!"999998".equals(org));
                }
                // under the town's grant, the operator's detail list holds exactly the rows its overview count says
                JsonNode town = overview.get(0);
                JsonNode details = JSON.readTree(HttpSessionClient.api(base, operatorToken)
                        .get("/api/v1/prefecture/organizations/" + town.get("id").asLong() + "/findings").body());
                assertThat(details.size()).as("the town's boundary Act/Attend rows").isEqualTo(town.get("actAttendOnBoundary").asLong()).isPositive();
                assertThat(details).allSatisfy(d -> assertThat(d.get("outcome").asText()).isIn("act", "attend"));
                assertThat(HttpSessionClient.api(base, operatorToken).get("/api/v1/prefecture/organizations/" + overview.get(1).get("id").asLong()
                        + "/findings").statusCode()).as("no grant, no details").isEqualTo(403);
                assertThat(own.get("999998").get("boundaryAct").asLong()).isEqualTo(townSummary.get("boundaryAct").asLong());
                assertThat(overview.get(1).get("openIncidents").asLong()).as("守里市's demo logs open incidents").isPositive();
                assertThat(readiness.get("999999").stream().mapToLong(Long::longValue).sum()).as("a readiness report has rows").isPositive();
                // the CLI's status and the operator's page print the same numbers (code, name, boundary Act, boundary Act/Attend,
                // overdue, open, open incidents, readiness red/amber/green)
                String prefecturePage = HttpSessionClient.signedIn(base, "pref-operator", PASSWORD, operatorSecret).get("/prefecture").body();
                for (JsonNode row : overview) {
                    String ready = row.at("/readiness/red").asLong() + "/" + row.at("/readiness/amber").asLong() + "/" + row.at("/readiness/green").asLong();
                    String line = prefectureStatus.lines().filter(l -> l.startsWith(row.get("code").asText())).findFirst().orElseThrow();
                    assertThat(line.split("\\s{2,}")).as(line).containsSubsequence(String.valueOf(row.get("boundaryAct").asLong()),
                            String.valueOf(row.get("actAttendOnBoundary").asLong()), String.valueOf(row.get("overdue").asLong()),
                            String.valueOf(row.get("open").asLong()), String.valueOf(row.get("openIncidents").asLong()), ready);
                    int at = prefecturePage.indexOf("(" + row.get("code").asText() + ")</th>");
                    assertThat(at).as("the page lists " + row.get("code").asText()).isPositive();
                    List<String> cells = TD.matcher(prefecturePage.substring(at, prefecturePage.indexOf("</tr>", at))).results().map(r -> r.group(1).strip()).toList();
                    assertThat(cells).as("page row of " + row.get("code").asText()).startsWith(String.valueOf(row.get("boundaryAct").asLong()),
                            String.valueOf(row.get("actAttendOnBoundary").asLong()), String.valueOf(row.get("overdue").asLong()),
                            String.valueOf(row.get("open").asLong()), String.valueOf(row.get("openIncidents").asLong()), ready.replace("/", " / "));
                }
            } finally {
                context.close();
            }
        }
    }

    /** Open confirmed findings without an SSVC outcome (no CVSS): in the total, in no outcome card. */
    private static long untriaged(String data) throws Exception {
        JsonNode all = JSON.readTree(cli("findings", "list", "--format", "json", "--limit", "10000", "--data", data)).get("findings");
        long n = 0;
        for (JsonNode f : all) if (f.get("outcome").isNull()) n++;
        return n;
    }

    private static String jsonName(Worklist.Card c) {
        return switch (c) {
            case TRACK_STAR -> "trackStar";
            case BOUNDARY_ACT -> "boundaryAct";
            default -> c.key();
        };
    }


    /** Runs a command in this JVM and returns what it printed. */
    private static String cli(String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = MamoriMain.run(args);
        } finally {
            System.setOut(was);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(String.join(" ", args) + "\n" + text).isZero();
        return text;
    }
}
