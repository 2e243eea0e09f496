package jp.mamori.matching;
import jp.mamori.advisory.Source;
import jp.mamori.identifiers.cpe.CpeKey;

import jp.mamori.advisory.AdvisoryLookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.matching.cpe.CpeApplicability;
import jp.mamori.matching.cpe.CpeCandidate;
import jp.mamori.matching.cpe.CpeMatchResult;
import jp.mamori.matching.cpe.PlatformCpes;
import jp.mamori.matching.osv.OsvRangeEvaluator;
import jp.mamori.matching.osv.RangeMatch;
import jp.mamori.identifiers.purl.PurlKey;

/**
 * Decides which vulnerabilities apply to a target: by purl against affected package ranges first;
 * by CPE against NVD configurations when the target has no usable purl (devices, firmware, vendor
 * products); JVN's versionless CPEs only as low-confidence candidates. One result per
 * vulnerability: the most confident evidence, with the other agreeing statements listed.
 */
public final class MatchEngine {

    private final AdvisoryLookup lookup;

    public MatchEngine(AdvisoryLookup lookup) {
        this.lookup = lookup;
    }

    /** Whether {@link #match} reads no database and may run on several threads at once (see {@link AdvisoryLookup#readsNoDatabase()}). */
    public boolean readsNoDatabase() {
        return lookup.readsNoDatabase();
    }

    /**
     * Whether {@link #match} matches a target with these identifiers by CPE, the only way it reads the
     * target's platform: without a purl that names a version. Lets a caller skip reading a platform
     * nothing will look at.
     */
    public static boolean matchesByCpe(String purl, String cpe) {
        Optional<PurlKey> key = PurlKey.fromPurl(purl);
        return byCpe(key.isPresent() && key.get().version() != null, cpe);
    }

    private static boolean byCpe(boolean purlUsable, String cpe) {
        return !purlUsable && cpe != null && !cpe.isBlank();
    }

    public List<Match> match(MatchTarget target) {
        List<Match> raw = new ArrayList<>();
        Optional<PurlKey> purl = PurlKey.fromPurl(target.purl());
        boolean purlUsable = purl.isPresent() && purl.get().version() != null;
        if (purlUsable) {
            raw.addAll(byPurl(purl.get(), PurlKey.displayName(target.purl(), purl.get())));
        }
        if (byCpe(purlUsable, target.cpe())) {
            target.platform().parse(target.cpe()).ifPresent(cpe -> raw.addAll(byCpe(cpe, target.platform())));
        }
        List<Match> out = reduce(raw);
        // An identifier Mamori suggested (issue 13 defect 5) makes every match of it a candidate until a person confirms it.
        return target.suggestedIdentifier() ? out.stream().map(Match::asSuggested).toList() : out;
    }

    private List<Match> byPurl(PurlKey key, String displayName) {
        List<Match> out = new ArrayList<>();
        String wanted = key.withoutVersion().lookupKey();
        for (Advisory a : lookup.byPackage(key.ecosystem(), key.name())) {
            if (a.withdrawn()) continue;
            for (AffectedPackage p : a.packages()) {
                if (!PurlKey.fromOsv(p.ecosystem(), p.name()).lookupKey().equals(wanted)) continue;
                RangeMatch r = OsvRangeEvaluator.evaluate(p, key.version());
                if (r.affected()) {
                    out.add(Match.inPackageRange(a, r.criterion(), r.scheme(), key.ecosystem() + "/" + displayName + "@" + key.version(),
                            r.fixedIn(), r.note()));
                }
            }
        }
        return out;
    }

    /** The target's CPE must satisfy the vulnerable entry; "running on" may be satisfied by any part of the platform. */
    private List<Match> byCpe(Cpe23 cpe, Platform platform) {
        List<Match> out = new ArrayList<>();
        PlatformCpes parts = platform.indexed();
        for (Advisory a : lookup.byCpeKey(cpe.key().toString())) {
            if (a.withdrawn()) continue;
            for (CpeConfiguration cfg : a.configurations()) {
                Optional<CpeMatchResult> r = CpeApplicability.evaluateFor(cfg, cpe, parts);
                if (r.isPresent()) {
                    CpeMatchResult m = r.get();
                    out.add(Match.inCpeConfiguration(a, m.criterion(), m.scheme(), cpe.toString(), confidenceOf(m.match()), m.fixedIn(),
                            RunningOnEvidence.describe(m.runningOn(), cpe, platform)));
                }
            }
            for (String name : a.cpeNames()) {
                Optional<CpeCandidate> c = CpeApplicability.candidate(name, cpe);
                c.ifPresent(cand -> out.add(Match.cpeCandidate(a, cand.cpe(), cpe.toString(), cand.reason())));
            }
        }
        return out;
    }

    /** A criterion that names every version of a product is weaker evidence than a compared version. */
    private static Confidence confidenceOf(CpeMatch m) {
        if (m.hasRange()) return Confidence.HIGH;
        return Cpe23.tryParse(m.criteria()).map(c -> Cpe23.isConcrete(c.version()) ? Confidence.HIGH : Confidence.MEDIUM)
                .orElse(Confidence.MEDIUM);
    }

    private static List<Match> reduce(List<Match> raw) {
        Map<String, List<Match>> byVuln = new LinkedHashMap<>();
        for (Match m : raw) byVuln.computeIfAbsent(m.vulnId(), k -> new ArrayList<>()).add(m);
        List<Match> out = new ArrayList<>();
        for (List<Match> ms : byVuln.values()) {
            ms.sort(Comparator.comparing(Match::confidence).thenComparingInt(m -> m.source().matchPrecedence()));
            Match best = ms.get(0);
            List<String> also = new ArrayList<>();
            for (Match m : ms.subList(1, ms.size())) {
                String e = m.source().key() + ":" + m.documentId() + " " + m.criterion();
                if (!also.contains(e) && !(m.source().equals(best.source()) && m.criterion() != null && m.criterion().equals(best.criterion()))) {
                    also.add(e);
                }
            }
            out.add(also.isEmpty() ? best : best.withAlsoBy(also));
        }
        out.sort(Comparator.comparing(Match::vulnId));
        return out;
    }

}
