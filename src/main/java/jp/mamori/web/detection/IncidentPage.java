package jp.mamori.web.detection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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

    /** {@code GET /api/v1/incidents/{id}}: the incident's fields, then its timeline, checklist, state changes and partner. */
    @JsonPropertyOrder({"incident", "timeline", "checklist", "history", "incidentResponsePartner"})
    public record Json(@JsonUnwrapped DetectionViews.Incident incident, List<DetectionViews.Detection> timeline,
                       List<DetectionViews.Bilingual> checklist, List<Change> history, Partner incidentResponsePartner) { }

    /** An audit entry of the incident's state. */
    @JsonPropertyOrder({"at", "actor", "action", "detail"})
    public record Change(String at, String actor, String action, String detail) { }

    /** The incident-response partner to call, and where the contact list and the role matrix are. */
    @JsonPropertyOrder({"name", "role", "hotline", "contactList", "roleMatrix"})
    public record Partner(String name, String role, String hotline, String contactList, String roleMatrix) { }

    public Json json() {
        Contact p = partner();
        return new Json(DetectionViews.incident(incident), timeline.stream().map(DetectionViews::detection).toList(),
                checklist.stream().map(c -> new DetectionViews.Bilingual(c[0], c[1])).toList(),
                history.stream().map(e -> new Change(DetectionViews.time(e.at()), e.actor(), e.action(), e.detail())).toList(),
                p == null ? null : new Partner(p.vendorName(), p.role(), p.hotline() == null ? "" : p.hotline(), "/partners/contact", "/partners/roles"));
    }
}
