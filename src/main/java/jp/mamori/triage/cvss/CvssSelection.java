package jp.mamori.triage.cvss;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.mamori.advisory.CvssScore;

/**
 * Picks the CVSS score used for triage from every source's statements (SPEC §4):
 * first by source in the configured order (default NVD, then the CNA, then JVN, then anyone else),
 * within a source the Primary statement before Secondary ones, then the newest CVSS version
 * (default 4.0 &gt; 3.1 &gt; 3.0 &gt; 2.0), then the higher score. A statement counts when its vector is
 * valid or it carries a published score; the score used is the one computed from the vector, so that
 * a v4.0 vector with threat/environmental metrics gives its CVSS-BTE score.
 *
 * <p>Source order entries match a source key exactly or as its prefix before ':' ("cna" matches
 * "cna:citrix"); "*" places every source not listed.
 *
 * <p>When another source (or another statement type of the same source) rates the vulnerability
 * higher than the chosen score, the choice carries a note with that score: an officer must see that a
 * vendor rates its own flaw higher than NVD does.
 */
public final class CvssSelection {
    public static final List<String> DEFAULT_SOURCE_ORDER = List.of("nvd", "cna", "jvn", "*");
    public static final List<String> DEFAULT_VERSION_ORDER = List.of("4.0", "3.1", "3.0", "2.0");

    private final List<String> sourceOrder;
    private final List<String> versionOrder;
    private final CvssCalculator calculator;
    /** The policy's order in words, the same in every reason: made once, not per triaged vulnerability. */
    private final String orderJa;
    private final String orderEn;

    public CvssSelection() {
        this(DEFAULT_SOURCE_ORDER, DEFAULT_VERSION_ORDER);
    }

    public CvssSelection(List<String> sourceOrder, List<String> versionOrder) {
        this.sourceOrder = List.copyOf(Objects.requireNonNull(sourceOrder, "sourceOrder"));
        this.versionOrder = List.copyOf(Objects.requireNonNull(versionOrder, "versionOrder"));
        this.calculator = new CvssCalculator();
        this.orderJa = orderText(true);
        this.orderEn = orderText(false);
    }

    public CvssChoice choose(List<CvssScore> scores) {
        List<Candidate> candidates = new ArrayList<>();
        if (scores != null) {
            for (CvssScore s : scores) {
                if (s != null) usable(s).ifPresent(candidates::add);
            }
        }
        if (candidates.isEmpty()) return CvssChoice.none();
        Comparator<Candidate> preference = Comparator
                .comparingInt((Candidate c) -> sourceRank(c.score().source()))
                .thenComparingInt(c -> "Secondary".equalsIgnoreCase(c.score().type()) ? 1 : 0)
                .thenComparingInt(c -> versionRank(c.version()))
                .thenComparing(Comparator.comparingDouble(Candidate::value).reversed());
        candidates.sort(preference);
        Candidate chosen = candidates.get(0);

        // the best statement of every other source, and the highest of those
        Map<String, Candidate> bestPerOtherSource = candidates.stream()
                .filter(c -> !origin(c).equals(origin(chosen)))
                .collect(Collectors.toMap(this::origin, c -> c, (a, b) -> a, LinkedHashMap::new));
        Optional<Candidate> higher = bestPerOtherSource.values().stream()
                .filter(c -> c.value() > chosen.value())
                .max(Comparator.comparingDouble(Candidate::value));

        Severity severity = Severity.of(chosen.version(), chosen.value());
        String ja = CvssSourceNames.ja(chosen.score().source()) + typeJa(chosen) + "のCVSS v" + chosen.version()
                + "（" + format(chosen.value()) + "、" + severity.labelJa() + "）を採用しました（方針: "
                + orderJa + "の順、同じ提供元では新しい版を優先）。";
        String en = "Using the CVSS v" + chosen.version() + " score " + format(chosen.value()) + " (" + severity.label()
                + ") from " + CvssSourceNames.en(chosen.score().source()) + typeEn(chosen) + ": policy order "
                + orderEn + ", newest version within a source.";
        if (higher.isEmpty()) {
            return new CvssChoice(chosen.score(), chosen.value(), severity, chosen.metrics(), ja, en, null, null, null, null);
        }
        Candidate h = higher.get();
        Severity hs = Severity.of(h.version(), h.value());
        String noteJa = "注意: " + CvssSourceNames.ja(h.score().source()) + typeJa(h) + "はCVSS v" + h.version() + "で"
                + format(h.value()) + "（" + hs.labelJa() + "）と、採用したスコア" + format(chosen.value())
                + "より高く評価。";
        String noteEn = "Note: " + CvssSourceNames.en(h.score().source()) + typeEn(h) + " rates it higher: CVSS v"
                + h.version() + " " + format(h.value()) + " (" + hs.label() + ") against the " + format(chosen.value())
                + " used.";
        return new CvssChoice(chosen.score(), chosen.value(), severity, chosen.metrics(), ja, en,
                h.score(), h.value(), noteJa, noteEn);
    }

    private Optional<Candidate> usable(CvssScore s) {
        if (s.vector() != null && !s.vector().isBlank()) {
            CvssResult r = calculator.score(s.vector());
            if (r.ok()) {
                return Optional.of(new Candidate(s, r.version(), r.baseScore(), calculator.metrics(s.vector()).orElse(null)));
            }
        }
        if (s.baseScore() != null && s.version() != null) {
            return Optional.of(new Candidate(s, s.version(), s.baseScore(), null));
        }
        return Optional.empty();
    }

    private int sourceRank(String source) {
        String src = source == null ? "" : source;
        for (int i = 0; i < sourceOrder.size(); i++) {
            String entry = sourceOrder.get(i);
            if (src.equals(entry) || src.startsWith(entry + ":")) return i;
        }
        int others = sourceOrder.indexOf("*");
        return others >= 0 ? others : sourceOrder.size();
    }

    private int versionRank(String version) {
        int i = versionOrder.indexOf(version);
        return i >= 0 ? i : versionOrder.size();
    }

    private String origin(Candidate c) {
        return c.score().source() + "|" + ("Secondary".equalsIgnoreCase(c.score().type()) ? "Secondary" : "");
    }

    private String orderText(boolean ja) {
        return sourceOrder.stream()
                .map(s -> s.equals("*") ? (ja ? "その他" : "others") : (ja ? CvssSourceNames.ja(s) : CvssSourceNames.en(s)))
                .collect(Collectors.joining(" → "));
    }

    /** Primary/Secondary means something for NVD only; for a CNA it would just repeat who scored. */
    private static String typeJa(Candidate c) {
        if (!showType(c)) return "";
        // NVD's own words for its own score and a score it republishes from the CNA
        String t = c.score().type();
        return "（" + ("Primary".equalsIgnoreCase(t) ? "主評価" : "Secondary".equalsIgnoreCase(t) ? "副評価" : t) + "）";
    }

    private static String typeEn(Candidate c) {
        return showType(c) ? " (" + c.score().type() + ")" : "";
    }

    private static boolean showType(Candidate c) {
        return "nvd".equals(c.score().source()) && c.score().type() != null && !c.score().type().isBlank();
    }

    static String format(double score) {
        return OneDecimal.of(score);
    }

    private record Candidate(CvssScore score, String version, double value, CvssMetrics metrics) { }
}
