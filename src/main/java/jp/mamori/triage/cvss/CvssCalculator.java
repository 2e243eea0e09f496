package jp.mamori.triage.cvss;

import java.util.Optional;
import jp.mamori.memo.BoundedMemo;
import us.springett.cvss.Cvss;

/**
 * Scores CVSS v2, v3.0, v3.1 and v4.0 vectors. Never throws for bad input: an invalid vector gives a
 * result with {@link CvssResult#error()} set, because one bad vector in a feed or on the command line
 * must not stop the others.
 *
 * <p>v2 and v3.x are scored by cvss-calculator (it agrees with every published test vector);
 * v4.0 by {@link Cvss4Scorer} (see there why). Every vector is first checked against the version's
 * grammar, which the library does not fully do.
 */
public final class CvssCalculator {

    /**
     * Results by trimmed vector: a scan triages thousands of vulnerabilities whose vectors repeat
     * (a few thousand distinct ones across all of NVD), and parsing and scoring each again was a large
     * part of a warm scan. Results are immutable and depend on the vector alone; the bound keeps a
     * stream of distinct vectors (an import's checks) from growing it without end.
     */
    private static final BoundedMemo<String, Scored> CACHE = new BoundedMemo<>(8192, CvssCalculator::compute);

    private record Scored(CvssResult result, Optional<CvssMetrics> metrics) { }

    public CvssResult score(String vector) {
        return scored(vector).result();
    }

    /** The SSVC-relevant facts of a valid vector; empty when the vector is invalid. */
    public Optional<CvssMetrics> metrics(String vector) {
        return scored(vector).metrics();
    }

    private static Scored scored(String vector) {
        return CACHE.get(vector == null ? "" : vector.trim());
    }

    private static Scored compute(String given) {
        CvssVector parsed;
        try {
            parsed = CvssVectorParser.parse(given);
        } catch (InvalidCvssVectorException e) {
            return new Scored(CvssResult.invalid(given, versionHint(given), e.getMessage()), Optional.empty());
        }
        Optional<CvssMetrics> metrics = Optional.of(CvssMetrics.of(parsed));
        try {
            double score = parsed.version().equals("4.0")
                    ? Cvss4Scorer.score(parsed)
                    : Cvss.fromVector(parsed.vector()).calculateScore().getBaseScore();
            return new Scored(CvssResult.scored(given, parsed.version(), score), metrics);
        } catch (RuntimeException e) {
            // the grammar accepted it, so this would be a library defect: report, do not crash
            return new Scored(CvssResult.invalid(given, parsed.version(), "cannot score vector: " + e.getMessage()), metrics);
        }
    }

    private static String versionHint(String vector) {
        for (CvssGrammar g : CvssGrammar.values()) {
            if (!g.prefix().isEmpty() && vector.startsWith(g.prefix())) return g.version();
        }
        return vector.startsWith("AV:") || vector.startsWith("(AV:") ? "2.0" : null;
    }
}
