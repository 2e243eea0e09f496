package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.web.inventory.SbomUpload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 18.3, the attack: a write token sends a huge SBOM body to an asset that does not exist, to
 * another tenant's asset, and to its own asset. Scope is checked before the body is read (404
 * without reading it), a declared length over the limit answers 413 at once, and a body without a
 * length is streamed with a hard limit (413, nothing stored, no temporary file left) — never an
 * OutOfMemoryError.
 */
class UploadLimitTest {

    static final String PASSWORD = "Upload-Limit-Test-2026!";
    static final long GIB = 1024L * 1024 * 1024;

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreReadAndNeverBufferedWhole() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-upload-limit-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            InventoryRepository inv = mamori.inventory();
            long orgA = inv.createOrganization("012070", "E町", "municipality").id();
            long sysA = inv.createSystem(orgA, "S", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of("丁社")).id();
            Asset own = inv.createAsset(orgA, sysA, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, "丁社"));
            long orgB = inv.createOrganization("012071", "F村", "municipality").id();
            long sysB = inv.createSystem(orgB, "S", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of("丁社")).id();
            Asset foreign = inv.createAsset(orgB, sysB, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, "丁社"));
            String token = token(db, dataDir, new UserStore.NewUser("sysadmin", null, Role.SYSTEM_ADMIN, orgA, Set.of(sysA), null, false));

            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                Set<Path> tempBefore = uploadTemps();

                long inLimit = 40L * 1024 * 1024;
                // within the limit, to an asset that does not exist and to another tenant's: 404 before the body is read
                // (only 256 KiB of the declared 40 MiB are ever sent)
                for (String ct : List.of("application/json", "multipart/form-data; boundary=x")) {
                    assertThat(raw(port, "/api/v1/assets/999999/sboms?fileName=b.cdx.json", token, ct, inLimit, 256 * 1024))
                            .as(ct).startsWith("HTTP/1.1 404");
                    assertThat(raw(port, "/api/v1/assets/" + foreign.id() + "/sboms?fileName=b.cdx.json", token, ct, inLimit, 256 * 1024))
                            .as(ct).startsWith("HTTP/1.1 404");
                }
                assertThat(raw(port, "/api/v1/assets/" + foreign.id() + "/sboms?fileName=b.cdx.json", token, "application/json", -1, 256 * 1024))
                        .as("chunked").startsWith("HTTP/1.1 404");
                // a declared 1 GiB: 413 at once, the same answer for every asset (no existence oracle)
                for (long asset : List.of(999999L, foreign.id(), own.id())) {
                    for (String ct : List.of("application/json", "multipart/form-data; boundary=x")) {
                        assertThat(raw(port, "/api/v1/assets/" + asset + "/sboms?fileName=b.cdx.json", token, ct, GIB, 256 * 1024))
                                .as(asset + " " + ct).startsWith("HTTP/1.1 413").contains("too_large");
                    }
                }
                // a declared length under the request limit but over the document limit: the controller answers 413 unread
                assertThat(raw(port, "/api/v1/assets/" + own.id() + "/sboms?fileName=b.cdx.json", token, "application/json",
                        jp.mamori.web.support.BodySizeLimit.MAX_REQUEST_BYTES, 256 * 1024)).startsWith("HTTP/1.1 413").contains("50 MiB");
                // no length declared (chunked): streamed, cut at the limit
                String chunked = raw(port, "/api/v1/assets/" + own.id() + "/sboms?fileName=b.cdx.json", token, "application/json", -1,
                        SbomUpload.MAX_BYTES + 4L * 1024 * 1024);
                assertThat(chunked).startsWith("HTTP/1.1 413").contains("too_large");

                assertThat(mamori.sboms().history(orgA, own.id())).as("nothing stored").isEmpty();
                assertThat(uploadTemps()).as("no temporary file left").isSubsetOf(tempBefore);

                // and an ordinary upload still works, as a body and as multipart
                HttpSessionClient api = HttpSessionClient.api("http://127.0.0.1:" + port, token);
                byte[] bom = ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": ["
                        + WebPagesAndApiTest.LODASH + "]}").getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> ok = api.upload("/api/v1/assets/" + own.id() + "/sboms", "ok.cdx.json", bom);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
                String body = raw(port, "/api/v1/assets/" + own.id() + "/sboms?fileName=ok2.cdx.json", token, "application/json", bom.length, bom);
                assertThat(body).as(body).startsWith("HTTP/1.1 201");
                assertThat(mamori.sboms().history(orgA, own.id())).hasSize(2);
            } finally {
                context.close();
            }
        }
    }

    private static Set<Path> uploadTemps() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("mamori-upload-")).collect(Collectors.toSet());
        }
    }

    /** Sends the headers and then {@code send} bytes of filler (chunked when {@code declared} is -1); returns what the server said. */
    static String raw(int port, String path, String token, String contentType, long declared, long send) throws Exception {
        return raw(port, path, token, contentType, declared, null, send);
    }

    static String raw(int port, String path, String token, String contentType, long declared, byte[] body) throws Exception {
        return raw(port, path, token, contentType, declared, body, body.length);
    }

    private static String raw(int port, String path, String token, String contentType, long declared, byte[] body, long send) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nContent-Type: " + contentType + "\r\n"
                    + (declared < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declared + "\r\n") + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    if (body != null) {
                        out.write(body);
                    } else {
                        byte[] filler = new byte[64 * 1024];
                        java.util.Arrays.fill(filler, (byte) ' ');
                        for (long sent = 0; sent < send; sent += filler.length) {
                            if (declared < 0) out.write((Integer.toHexString(filler.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(filler);
                            if (declared < 0) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        if (declared < 0) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected once the server has answered
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                    if (complete(got.toString(StandardCharsets.ISO_8859_1)) || got.size() > 64 * 1024) break;
                }
            } catch (IOException reset) {
                // the server closed the connection after answering
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    /** Headers read and the body as long as Content-Length says (or the last chunk). */
    private static boolean complete(String r) {
        int end = r.indexOf("\r\n\r\n");
        if (end < 0) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)").matcher(r.substring(0, end));
        if (m.find()) return r.length() - end - 4 >= Integer.parseInt(m.group(1));
        return r.endsWith("0\r\n\r\n");
    }

    private static String token(Database db, Path dataDir, UserStore.NewUser user) {
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
        UserStore.Created c = users.create(user, "test");
        users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
        UserAccount u = users.findById(c.user().id()).orElseThrow();
        if (u.needsTotp()) {
            String secret = Totp.newSecret();
            users.enrolTotp(u.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
        }
        return new ApiTokenStore(db.dataSource(), audit).issue(users.findById(u.id()).orElseThrow(), "t", List.of("read", "write"), 1, "test").secret();
    }
}
