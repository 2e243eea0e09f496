package jp.mamori.app.remediation;

import java.time.LocalDate;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;

/** "Record the suggested mitigations on a finding" (CSAF remediations, KEV actions, the boundary checklist), audited. */
public final class RecordSuggestedMitigations {

    private final Mamori mamori;

    public RecordSuggestedMitigations(Mamori mamori) {
        this.mamori = mamori;
    }

    /** How many items were added (those already recorded are kept as they are). */
    public int run(Actor actor, long orgId, long findingId, LocalDate reviewDate) {
        return mamori.database().inUnitOfWork(c -> {
            int added = mamori.mitigations().ensure(orgId, findingId, reviewDate, actor.name());
            Audited.record(mamori, c, actor, orgId, Audited.MITIGATIONS_SUGGESTED, "finding:" + findingId,
                    "added=" + added + (reviewDate == null ? "" : " review=" + reviewDate));
            return added;
        });
    }
}
