package jp.mamori.app.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;

/**
 * What the rules of one organisation need from the rest of Mamori: its allow-list, its desktops,
 * and — for the device a log came from — whether its system holds 3A/3B information and which
 * actively exploited vulnerabilities it still carries (the link to the findings).
 */
record DetectionContext(DetectionPolicy policy, DetectionEngine.Device device, Long systemId, Map<String, Long> assetIds,
                        Map<String, Long> findingIds, List<DetectionEngine.Desktop> desktops) {

    static DetectionContext load(Mamori m, long orgId, String assetCode) {
        DetectionPolicy policy = m.detectionPolicy(orgId);
        Map<String, Long> assetIds = new HashMap<>();
        for (Asset a : m.inventory().listAssets(orgId)) assetIds.put(a.code(), a.id());
        Map<String, Long> findingIds = new HashMap<>();
        DetectionEngine.Device device = DetectionEngine.Device.NONE;
        Long systemId = null;
        if (assetCode != null) {
            Asset asset = m.inventory().assets().find(orgId, assetCode)
                    .orElseThrow(() -> new InvalidInputException("資産が見つかりません / no asset '" + assetCode + "'"));
            systemId = asset.systemId();
            boolean confidential = false;
            for (ItSystem s : m.inventory().systems().list(orgId)) {
                if (s.id() == asset.systemId() && s.importance() != null) {
                    String c = s.importance().confidentiality();
                    confidential = "3A".equals(c) || "3B".equals(c);
                }
            }
            List<String> active = new ArrayList<>();
            FindingQuery.Filter owed = FindingQuery.Filter.stillToPatch();
            FindingQuery.Filter f = new FindingQuery.Filter(owed.states(), null, null, asset.id(), owed.candidates(), null, null, null);
            for (FindingRow r : m.findings().list(orgId, f, 1000, 0)) {
                if ("active".equals(r.exploitation()) && !active.contains(r.vulnId())) {
                    active.add(r.vulnId());
                    findingIds.put(assetCode + "|" + r.vulnId(), r.id());
                }
            }
            device = new DetectionEngine.Device(assetCode, confidential, active);
        }
        return new DetectionContext(policy, device, systemId, assetIds, findingIds, m.detections().desktops(orgId));
    }

    DetectionEngine engine(Consumer<Detection> sink) {
        DetectionEngine e = new DetectionEngine(policy, SigmaRules.shipped(), sink);
        for (DetectionEngine.Desktop d : desktops) e.knownDesktop(d);
        return e;
    }
}
