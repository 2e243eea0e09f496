package jp.mamori.app.detection;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.detection.store.DetectionStore.IncidentState;

/** "Mark an incident contained / closed / open again", with who and why, audited in the same transaction. */
public final class ChangeIncidentState {

    private final Mamori mamori;

    public ChangeIncidentState(Mamori mamori) {
        this.mamori = mamori;
    }

    public IncidentState run(Actor actor, long orgId, long incidentId, String state, String note) {
        IncidentState to;
        try {
            to = IncidentState.fromKey(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        if (mamori.detections().incident(orgId, incidentId).isEmpty()) {
            throw new NoSuchIncidentException(incidentId);
        }
        DetectionStore store = mamori.detections();
        return mamori.database().inTransaction(c -> {
            IncidentState from = store.setState(c, orgId, incidentId, to, actor.name(), note, mamori.clock().instant());
            Audited.record(mamori, c, actor, orgId, Audited.INCIDENT_STATE_CHANGED, "incident:" + incidentId,
                    from.key() + "->" + to.key() + (note == null || note.isBlank() ? "" : " note=" + note));
            return from;
        });
    }

    /** No incident of that id in the organisation (the web answers 404). */
    public static final class NoSuchIncidentException extends InvalidInputException {
        public NoSuchIncidentException(long id) {
            super("インシデントが見つかりません / no incident " + id);
        }
    }
}
