package jp.mamori.matching.vex;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.advisory.VexStatement;
import jp.mamori.matching.MatchTarget;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.identifiers.purl.PurlKey;

/**
 * Which VEX statement speaks about a target. A statement's product is a purl, a CPE or a name:
 * a purl or CPE without a version covers every version of that package; with a version only
 * that version. When several apply, the newest statement wins (VEX documents supersede).
 */
public final class VexMatcher {

    private VexMatcher() { }

    public static Optional<VexStatement> applicable(List<VexStatement> statements, MatchTarget target) {
        return statements.stream()
                .filter(s -> covers(s.product(), target))
                .max(Comparator.comparing((VexStatement s) -> s.timestamp() == null ? Instant.EPOCH : s.timestamp()));
    }

    static boolean covers(String product, MatchTarget target) {
        if (product == null || product.isBlank()) return false;
        String p = product.trim();
        if (p.startsWith("pkg:")) {
            Optional<PurlKey> stated = PurlKey.fromPurl(p);
            Optional<PurlKey> actual = PurlKey.fromPurl(target.purl());
            if (stated.isEmpty() || actual.isEmpty()) return p.equals(target.purl());
            if (!stated.get().withoutVersion().lookupKey().equals(actual.get().withoutVersion().lookupKey())) return false;
            return stated.get().version() == null || stated.get().version().equals(actual.get().version());
        }
        if (p.startsWith("cpe:")) {
            Optional<Cpe23> stated = Cpe23.tryParse(p);
            Optional<Cpe23> actual = Cpe23.tryParse(target.cpe());
            if (stated.isEmpty() || actual.isEmpty()) return false;
            if (!stated.get().key().equals(actual.get().key())) return false;
            return !Cpe23.isConcrete(stated.get().version()) || stated.get().version().equalsIgnoreCase(actual.get().version());
        }
        String name = target.name() == null ? "" : target.name().toLowerCase(Locale.ROOT);
        String lower = p.toLowerCase(Locale.ROOT);
        return lower.equals(target.ref() == null ? "" : target.ref().toLowerCase(Locale.ROOT)) || lower.equals(name)
                || (target.version() != null && lower.equals(name + " " + target.version().toLowerCase(Locale.ROOT)));
    }
}
