package jp.mamori.partners;

import java.util.ArrayList;
import java.util.List;

/** What changed between two issued readiness reports: per countermeasure, the status and the evidence added or gone. */
public record ReadinessDiff(Long fromId, long toId, List<Change> changes) {

    public record Change(String key, String titleJa, Status from, Status to, List<String> added, List<String> removed) { }

    public static ReadinessDiff between(ReadinessSnapshot previous, ReadinessSnapshot current) {
        List<Change> out = new ArrayList<>();
        for (ReadinessReport.Row now : current.report().rows()) {
            ReadinessReport.Row before = previous == null ? null : previous.report().row(now.key());
            List<String> added = new ArrayList<>(now.evidence());
            List<String> removed = new ArrayList<>();
            if (before != null) {
                added.removeAll(before.evidence());
                removed.addAll(before.evidence());
                removed.removeAll(now.evidence());
            }
            Status from = before == null ? null : before.status();
            if (from != now.status() || !added.isEmpty() || !removed.isEmpty()) {
                out.add(new Change(now.key(), now.titleJa(), from, now.status(), added, removed));
            }
        }
        return new ReadinessDiff(previous == null ? null : previous.id(), current.id(), out);
    }
}
