package jp.mamori.app.remediation;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.OverrideStore;
import jp.mamori.triage.ssvc.SsvcOverride;

/**
 * "Correct one SSVC input of a finding" (e.g. the CSIRT saw exploitation): kept with its reason
 * and person across re-matching; the asset is re-assessed at once so outcome and deadline follow.
 */
public final class OverrideSsvcInput {

    private final Mamori mamori;

    public OverrideSsvcInput(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(FindingRow finding, FindingRecorder.Result changes) { }

    public Result run(Actor actor, long orgId, long findingId, String input, String value, String reason) {
        SsvcOverride o;
        try {
            o = new SsvcOverride(input, value, reason, actor.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        OverrideStore store = mamori.overrides();
        OverrideStore.Target t = store.target(orgId, findingId);
        FindingRecorder.Result changes = mamori.database().inUnitOfWork(c -> {
            store.add(findingId, t, o, mamori.clock().instant());
            FindingRecorder.Result r = mamori.assessment().assessAsset(orgId, t.assetId(), actor.name());
            Audited.record(mamori, c, actor, orgId, Audited.FINDING_OVERRIDDEN, "finding:" + findingId,
                    "input=" + o.input() + " value=" + o.value() + " reason=" + o.reason());
            return r;
        });
        mamori.followUp().after(changes);
        return new Result(mamori.findings().find(orgId, findingId).orElseThrow(), changes);
    }
}
