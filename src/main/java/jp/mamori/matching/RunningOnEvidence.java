package jp.mamori.matching;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.matching.cpe.PlatformHit;

/** Evidence text for the "running on" entries of an AND configuration: the entry, then the part that satisfied it. */
final class RunningOnEvidence {

    private RunningOnEvidence() { }

    static List<String> describe(List<PlatformHit> hits, Cpe23 subject, Platform platform) {
        List<String> out = new ArrayList<>();
        for (PlatformHit h : hits) {
            String origin = h.satisfiedBy().equals(subject) ? "this component"
                    : platform.originOf(h.satisfiedBy()).orElse("platform");
            String text = h.entry().describe() + " ← " + origin + " " + h.satisfiedBy();
            if (!out.contains(text)) out.add(text);
        }
        return out;
    }
}
