package jp.mamori.app.detection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.notify.Audience;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationQueue;

/** What opening an incident means besides the row, whichever runner found it (batch import or Kafka Streams): an audit entry and a notice to the officer. */
final class IncidentNotices {
    private IncidentNotices() { }

    static void opened(Mamori mamori, Connection c, Actor actor, long orgId, Long systemId, String assetCode, List<Long> incidents, Instant now)
            throws SQLException {
        DetectionStore store = mamori.detections();
        for (Long inc : incidents) {
            var row = store.incident(orgId, inc);
            String user = row.map(DetectionStore.IncidentRow::userKey).orElse("?");
            Audited.record(mamori, c, actor, orgId, Audited.INCIDENT_OPENED, "incident:" + inc, "user=" + user);
            NotificationQueue.enqueue(c, NotificationEvent.of(orgId, systemId, null, "incident_opened", Audience.SYSTEM_AND_CISO,
                    row.map(r -> r.vulns().isEmpty() ? null : r.vulns().get(0)).orElse(null), assetCode, "act", null,
                    "不正アクセスの疑い: 利用者 " + user + " のインシデント #" + inc + " を開きました。Mamori のインシデント画面で確認してください。",
                    "Suspected intrusion: incident #" + inc + " opened for user " + user + ". See the incidents page in Mamori."), now);
        }
    }
}
