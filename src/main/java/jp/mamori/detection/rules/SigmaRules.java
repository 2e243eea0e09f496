package jp.mamori.detection.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Sigma rules shipped with Mamori ({@code /detection/sigma/}). */
public final class SigmaRules {
    private SigmaRules() { }

    public static List<SigmaRule> shipped() {
        List<SigmaRule> out = new ArrayList<>();
        try (InputStream idx = SigmaRules.class.getResourceAsStream("/detection/sigma/index.txt")) {
            if (idx == null) throw new IllegalStateException("sigma index missing");
            for (String name : new String(idx.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) continue;
                try (InputStream in = SigmaRules.class.getResourceAsStream("/detection/sigma/" + name.strip())) {
                    if (in == null) throw new IllegalStateException("sigma rule missing: " + name);
                    out.add(SigmaRule.parse(name.strip(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }
}
