package jp.mamori.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only public samples in {@code ../shared/fixtures} (or {@code MAMORI_FIXTURES}). Interop
 * tests call {@link #require(String)}: when the folder is absent they are skipped with the reason
 * printed, never silently passed.
 */
public final class SharedFixtures {
    private SharedFixtures() { }

    public static Path root() {
        String env = System.getenv("MAMORI_FIXTURES");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of("..", "shared", "fixtures").toAbsolutePath().normalize();
    }

    public static boolean present() {
        return Files.isDirectory(root());
    }

    /** Resolves a path below the fixtures root, skipping the calling test when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "interop fixtures not available: " + p + " is missing (set MAMORI_FIXTURES or check out ../shared)";
            System.out.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        return p;
    }
}
