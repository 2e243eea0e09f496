package jp.mamori.triage.policy;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import jp.mamori.triage.cvss.CvssSelection;

/**
 * An organisation's triage policy (SPEC §4). {@link #defaults()} is what applies when the
 * organisation has not written its own; {@link TriagePolicyYaml} reads one from YAML.
 *
 * @param table                      the SSVC decision table
 * @param epssPocThreshold           EPSS probability at or above which a vulnerability counts as having a
 *                                   public proof of concept when nothing else says so. Default 0.1: EPSS
 *                                   estimates the probability of exploitation activity in the next 30 days,
 *                                   and 0.1 lies around the 95th percentile of all scored CVEs (the EPSS
 *                                   feed of 2026-09 puts 0.105 at the 95.6th percentile), so the rule
 *                                   marks roughly the top 5 %: enough to catch likely targets, few enough
 *                                   not to drown a small team in Track* findings
 * @param raiseMissionWhenOpen       an internet-facing ({@code open}) asset raises the mission input by one
 *                                   step; applies to the cisa-coordinator table only, because the deployer
 *                                   table already takes exposure as an input
 * @param assumeWorstWhenCvssUnknown with no usable CVSS vector, take automatable = yes and technical impact
 *                                   = total, because missing information must not lower a priority (an
 *                                   officer can override per finding); false takes no / partial
 * @param deadlines                  days to the due date per outcome
 * @param cvssSourceOrder            source preference for the triage score, see {@link CvssSelection}
 * @param cvssVersionOrder           CVSS version preference within a source
 * @param zone                       the time zone of "today" for decision and due dates
 * @param strictKevDueDate           a KEV dueDate earlier than the policy's date is the deadline even when it had
 *                                   already passed before the finding was first seen (the strict reading; default
 *                                   false: such a date is shown as a fact and the policy's days count from detection)
 */
public record TriagePolicy(TableChoice table, double epssPocThreshold, boolean raiseMissionWhenOpen,
                           boolean assumeWorstWhenCvssUnknown, Deadlines deadlines,
                           List<String> cvssSourceOrder, List<String> cvssVersionOrder, ZoneId zone,
                           boolean strictKevDueDate) {

    public static final double DEFAULT_EPSS_POC_THRESHOLD = 0.1;
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public TriagePolicy {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(zone, "zone");
        if (!(epssPocThreshold >= 0.0 && epssPocThreshold <= 1.0)) {
            throw new IllegalArgumentException("epssPocThreshold must be between 0 and 1, was " + epssPocThreshold);
        }
        cvssSourceOrder = List.copyOf(cvssSourceOrder);
        cvssVersionOrder = List.copyOf(cvssVersionOrder);
    }

    public TriagePolicy(TableChoice table, double epssPocThreshold, boolean raiseMissionWhenOpen,
                        boolean assumeWorstWhenCvssUnknown, Deadlines deadlines,
                        List<String> cvssSourceOrder, List<String> cvssVersionOrder, ZoneId zone) {
        this(table, epssPocThreshold, raiseMissionWhenOpen, assumeWorstWhenCvssUnknown, deadlines, cvssSourceOrder, cvssVersionOrder,
                zone, false);
    }

    public static TriagePolicy defaults() {
        return new TriagePolicy(TableChoice.CISA_COORDINATOR, DEFAULT_EPSS_POC_THRESHOLD, true, true,
                Deadlines.DEFAULTS, CvssSelection.DEFAULT_SOURCE_ORDER, CvssSelection.DEFAULT_VERSION_ORDER, TOKYO);
    }

    public TriagePolicy withStrictKevDueDate(boolean strict) {
        return new TriagePolicy(table, epssPocThreshold, raiseMissionWhenOpen, assumeWorstWhenCvssUnknown, deadlines,
                cvssSourceOrder, cvssVersionOrder, zone, strict);
    }

    public CvssSelection cvssSelection() {
        return new CvssSelection(cvssSourceOrder, cvssVersionOrder);
    }

    public TriagePolicy withTable(TableChoice t) {
        return new TriagePolicy(t, epssPocThreshold, raiseMissionWhenOpen, assumeWorstWhenCvssUnknown, deadlines,
                cvssSourceOrder, cvssVersionOrder, zone, strictKevDueDate);
    }

    public TriagePolicy withEpssPocThreshold(double threshold) {
        return new TriagePolicy(table, threshold, raiseMissionWhenOpen, assumeWorstWhenCvssUnknown, deadlines,
                cvssSourceOrder, cvssVersionOrder, zone, strictKevDueDate);
    }

    public TriagePolicy withRaiseMissionWhenOpen(boolean raise) {
        return new TriagePolicy(table, epssPocThreshold, raise, assumeWorstWhenCvssUnknown, deadlines,
                cvssSourceOrder, cvssVersionOrder, zone, strictKevDueDate);
    }

    public TriagePolicy withDeadlines(Deadlines d) {
        return new TriagePolicy(table, epssPocThreshold, raiseMissionWhenOpen, assumeWorstWhenCvssUnknown, d,
                cvssSourceOrder, cvssVersionOrder, zone, strictKevDueDate);
    }
}
