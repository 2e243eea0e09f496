package jp.mamori.triage.cvss;

import java.util.Optional;
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

    public CvssResult score(String vector) {
        String given = vector == null ? "" : vector.trim();
        CvssVector parsed;
        try {
            parsed = CvssVectorParser.parse(given);
        } catch (InvalidCvssVectorException e) {
            return CvssResult.invalid(given, versionHint(given), e.getMessage());
        }
        try {
            double score = parsed.version().equals("4.0")
                    ? Cvss4Scorer.score(parsed)
                    : Cvss.fromVector(parsed.vector()).calculateScore().getBaseScore();
            return CvssResult.scored(given, parsed.version(), score);
        } catch (RuntimeException e) {
            // the grammar accepted it, so this would be a library defect: report, do not crash
            return CvssResult.invalid(given, parsed.version(), "cannot score vector: " + e.getMessage());
        }
    }

    /** The SSVC-relevant facts of a valid vector; empty when the vector is invalid. */
    public Optional<CvssMetrics> metrics(String vector) {
        try {
            return Optional.of(CvssMetrics.of(CvssVectorParser.parse(vector)));
        } catch (InvalidCvssVectorException e) {
            return Optional.empty();
        }
    }

    private static String versionHint(String vector) {
        for (CvssGrammar g : CvssGrammar.values()) {
            if (!g.prefix().isEmpty() && vector.startsWith(g.prefix())) return g.version();
        }
        return vector.startsWith("AV:") || vector.startsWith("(AV:") ? "2.0" : null;
    }
}
