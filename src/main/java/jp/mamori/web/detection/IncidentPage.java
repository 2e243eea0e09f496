package jp.mamori.web.detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.inventory.Asset;
import jp.mamori.partners.Contact;

/**
 * What the incident page and {@code GET /api/v1/incidents/{id}} show, built once for both: the
 * incident, its timeline with evidence, the affected assets (linked when they are in the inventory)
 * and findings, the post-compromise checklist, the audit entries of its state changes, and the
 * incident-response partner to call when the partners capability knows one.
 */
public record IncidentPage(IncidentRow incident, List<DetectionRow> timeline, Map<String, Long> assetIds, List<String[]> checklist,
                           List<AuditEvent> history, List<Contact> contacts) {

    static IncidentPage load(DetectionWeb web, long orgId, IncidentRow r) {
        Mamori m = web.mamori();
        Map<String, Long> assets = new LinkedHashMap<>();
        for (String code : r.assets()) assets.put(code, m.inventory().assets().find(orgId, code).map(Asset::id).orElse(null));
        List<Contact> contacts = m.partners().contacts(orgId, m.today());
        return new IncidentPage(r, web.timeline(orgId, r.id()), assets, DetectionViews.checklist(r), web.history(orgId, r.id()), contacts);
    }

    /** The first IR partner (call order), or null when the partners capability has none. */
    public Contact partner() {
        return contacts.isEmpty() ? null : contacts.get(0);
    }

    public Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>(DetectionViews.incident(incident));
        List<Map<String, Object>> tl = new ArrayList<>();
        for (DetectionRow d : timeline) tl.add(DetectionViews.detection(d));
        doc.put("timeline", tl);
        List<Map<String, String>> cl = new ArrayList<>();
        for (String[] c : checklist) cl.add(Map.of("ja", c[0], "en", c[1]));
        doc.put("checklist", cl);
        List<Map<String, Object>> h = new ArrayList<>();
        for (AuditEvent e : history) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", DetectionViews.time(e.at()));
            x.put("actor", e.actor());
            x.put("action", e.action());
            x.put("detail", e.detail());
            h.add(x);
        }
        doc.put("history", h);
        Contact p = partner();
        doc.put("incidentResponsePartner", p == null ? null : Map.of("name", p.vendorName(), "role", p.role(),
                "hotline", p.hotline() == null ? "" : p.hotline(), "contactList", "/partners/contact", "roleMatrix", "/partners/roles"));
        return doc;
    }
}
