package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;

/**
 * {@code feeds sync} end to end: the real sync code against a local HTTP server that replays
 * documents in the real formats (NVD API 2.0, KEV JSON, EPSS csv.gz), including a transient 503.
 */
class SyncIT {

    @Test
    void syncFetchesImportsAndRetriesATransientFailure() throws Exception {
        byte[] nvd = Files.readAllBytes(Path.of("src/main/resources/demo/feeds/nvd-boundary-devices.json"));
        byte[] kev = Files.readAllBytes(Path.of("src/main/resources/demo/feeds/kev-demo.json"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(Path.of("src/main/resources/demo/feeds/epss-demo.csv")));
        }
        List<String> nvdQueries = new CopyOnWriteArrayList<>();
        AtomicInteger nvdCalls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/nvd", ex -> {
            nvdQueries.add(ex.getRequestURI().getQuery());
            if (nvdCalls.getAndIncrement() == 0) {
                ex.sendResponseHeaders(503, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, nvd.length);
                ex.getResponseBody().write(nvd);
            }
            ex.close();
        });
        server.createContext("/kev.json", ex -> {
            ex.sendResponseHeaders(200, kev.length);
            ex.getResponseBody().write(kev);
            ex.close();
        });
        server.createContext("/epss.csv.gz", ex -> {
            ex.sendResponseHeaders(200, gz.size());
            ex.getResponseBody().write(gz.toByteArray());
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path config = Files.createTempFile("sync", ".properties");
            Files.writeString(config, String.join("\n",
                    "nvd.url=" + base + "/nvd", "kev.url=" + base + "/kev.json", "epss.url=" + base + "/epss.csv.gz",
                    "nvd.delayWithoutKey=0ms", "retry.initialDelay=10ms", "retry.jitter=0"));
            Path data = Files.createTempDirectory("mamori-sync-");
            Result r = CliProcess.run("feeds", "sync", "--data", data.toString(), "--source", "kev,epss,nvd", "--config", config.toString(),
                    "--since", java.time.LocalDate.now().minusDays(30).toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).contains("503");
            assertThat(nvdQueries).allSatisfy(q -> assertThat(q).contains("lastModStartDate=").contains("lastModEndDate=").contains("startIndex=0"));
            Result show = CliProcess.run("vuln", "show", "--data", data.toString(), "CVE-2023-4966");
            assertThat(show.stdout()).contains("CISA KEV: 追加 2023-10-18").contains("EPSS: 0.9649");
            assertThat(Files.exists(data.resolve("feeds").resolve("kev"))).as("fetched files are kept for export-bundle").isTrue();

            Result again = CliProcess.run("feeds", "sync", "--data", data.toString(), "--source", "kev", "--config", config.toString());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.stdout()).contains("unchanged");
        } finally {
            server.stop(0);
        }
    }
}
