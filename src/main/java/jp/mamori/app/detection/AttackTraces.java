package jp.mamori.app.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.detection.rules.Category;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.ImportRow;

/**
 * 「攻撃の痕跡」 of a finding on a boundary device: whether the device's own logs, from the
 * vulnerability's publication on, show an attempt on it or a session taken over. Raw logs are not
 * kept (ADR 0014), so the hunt reads what the rules stored when the logs were imported — the exploit
 * signatures run on every import whatever the device's findings, each tagged with its CVE — and the
 * period the device's imported logs cover. {@code NO_LOGS}: no log of the device reaches past the
 * publication date, so nothing can be said (never "none").
 */
public record AttackTraces(Status status, Instant published, Instant coveredFrom, Instant coveredTo, int files, List<DetectionRow> traces) {

    public static final int MAX_TRACES = 50;

    public enum Status {
        FOUND("found", "あり", "found"), NONE("none", "なし", "none"), NO_LOGS("no-logs", "ログなし", "no logs");

        private final String key, ja, en;

        Status(String key, String ja, String en) {
            this.key = key;
            this.ja = ja;
            this.en = en;
        }

        public String key() { return key; }
        public String ja() { return ja; }
        public String en() { return en; }
    }

    /** Whether the covered period starts after the publication (the days between are unchecked). */
    public boolean gap() {
        return published != null && coveredFrom != null && coveredFrom.isAfter(published);
    }

    public static AttackTraces of(Mamori m, long orgId, String assetCode, String vulnId, Instant published) {
        Instant from = null, to = null;
        int files = 0;
        for (ImportRow r : m.detections().imports(orgId)) {
            if (!assetCode.equals(r.assetCode()) || r.last() == null) continue;
            if (published != null && r.last().isBefore(published)) continue;
            files++;
            Instant first = r.first() == null || (published != null && r.first().isBefore(published)) ? published : r.first();
            if (first != null && (from == null || first.isBefore(from))) from = first;
            if (to == null || r.last().isAfter(to)) to = r.last();
        }
        List<DetectionRow> traces = new ArrayList<>();
        for (DetectionRow d : m.detections().onAsset(orgId, assetCode, published, 10_000)) {
            boolean sign = vulnId.equalsIgnoreCase(d.vulnId() == null ? "" : d.vulnId())
                    || d.category() == Category.EXPLOIT_ATTEMPT || d.category() == Category.SESSION_HIJACK;
            if (sign && traces.size() < MAX_TRACES) traces.add(d);
        }
        Status status = !traces.isEmpty() ? Status.FOUND : files == 0 ? Status.NO_LOGS : Status.NONE;
        return new AttackTraces(status, published, from, to, files, List.copyOf(traces));
    }
}
