package jp.mamori.assessment;

import java.util.List;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.VexStatement;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchTarget;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.explain.Explanation;

/**
 * A match with everything a person needs to act on it: the vulnerability's facts, the triage
 * decision and its explanation, and the VEX statement that suppresses it, if any.
 *
 * @param vex the applicable VEX statement, or null; NOT_AFFECTED and FIXED suppress the finding
 */
public record AssessedFinding(MatchTarget target, Match match, List<String> aliases, KevEntry kev, EpssScore epss,
                              TriageResult triage, Explanation explanation, VexStatement vex) {

    public boolean suppressed() {
        return vex != null && (vex.status() == jp.mamori.advisory.VexStatus.NOT_AFFECTED
                || vex.status() == jp.mamori.advisory.VexStatus.FIXED);
    }

    public boolean candidate() {
        return match.isCandidate();
    }
}
