package jp.mamori.app;

import jp.mamori.remediation.FindingRecorder;
import jp.mamori.notify.Notifier;

/**
 * What every action that changes findings does afterwards, from every front end: a raised
 * outcome (newly in KEV, an SBOM that brings an Act finding) resets its deadline and tells the
 * people concerned now, not at the next daily run.
 */
public final class FollowUp {

    private final Mamori mamori;

    FollowUp(Mamori mamori) {
        this.mamori = mamori;
    }

    /** Sends what the changes call for; an empty report when nothing changed. */
    public Notifier.Report after(FindingRecorder.Result changes) {
        if (changes == null || changes.changes() == 0) return Notifier.Report.NONE;
        return now();
    }

    /** Processes pending finding changes and sends their notifications. */
    public Notifier.Report now() {
        return mamori.scheduler().processChanges(mamori.clock());
    }
}
