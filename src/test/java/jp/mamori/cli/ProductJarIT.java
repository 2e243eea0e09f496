package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;

/**
 * ADR 0019: the benchmark and its test library ship in {@code target/mamori-bench.jar} and
 * {@code target/bench-lib}, never in the product jar, and the benchmark still runs on the product.
 */
class ProductJarIT {

    static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    @Test
    void theProductJarHoldsNoBenchmarkCodeAndNoTestLibrary() throws Exception {
        List<String> product = entries(CliProcess.jar());
        assertThat(product).as("the product's own classes are there").contains("BOOT-INF/classes/jp/mamori/cli/MamoriMain.class");
        assertThat(product).as("no benchmark class").noneMatch(n -> n.contains("jp/mamori/bench/") || n.contains("BenchCommand") || n.contains("BenchMain"));
        assertThat(product).as("no test library").noneMatch(n -> n.startsWith("BOOT-INF/lib/kafka-streams-test-utils"))
                .anyMatch(n -> n.startsWith("BOOT-INF/lib/kafka-streams-"));

        Result r = CliProcess.run("bench", "--only", "p1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("ベンチマークは製品に含まれません").contains("./mamori bench");
    }

    @Test
    void theBenchmarkJarHoldsOnlyTheBenchmarkAndRunsOnTheProduct() throws Exception {
        Path bench = Path.of("target", "mamori-bench.jar").toAbsolutePath();
        assertThat(bench).exists();
        List<String> classes = entries(bench).stream().filter(n -> n.endsWith(".class")).toList();
        assertThat(classes).contains("jp/mamori/bench/BenchMain.class", "jp/mamori/bench/BenchCommand.class", "jp/mamori/bench/SyntheticFeeds.class")
                .as("no test class leaks into it").allMatch(n -> n.startsWith("jp/mamori/bench/"));
        Path lib = Path.of("target", "bench-lib").toAbsolutePath();
        try (var s = Files.list(lib)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).singleElement().asString().startsWith("kafka-streams-test-utils-");
        }

        // The product jar with the benchmark beside it (what ./mamori bench does with the extracted jar).
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dloader.path=" + bench + "," + lib, "-Dloader.main=jp.mamori.bench.BenchMain",
                "-cp", CliProcess.jar().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher", "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Usage: bench").contains("--only").contains("p6");
    }
}
