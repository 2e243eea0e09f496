package jp.mamori.partners;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;

/**
 * The configuration package for an IR partner (構成情報): systems with their segment and importance,
 * assets with CPE, exposure and boundary flag, whether a current SBOM is held, and the contacts —
 * generated from the inventory as canonical JSON, so that the same inventory gives the same SHA-256.
 */
public record ConfigurationPackage(String fileName, byte[] json, String sha256) {

    public static ConfigurationPackage build(Organization org, LocalDate asOf, Vendor recipient, List<ItSystem> systems, List<Asset> assets,
                                             Map<Long, CoveredAsset> facts, List<Vendor> vendors) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "mamori.configuration/1");
        root.put("organization", Map.of("code", org.code(), "name", org.name()));
        root.put("asOf", asOf.toString());
        root.put("recipient", recipient.name());
        List<Map<String, Object>> sys = new ArrayList<>();
        for (ItSystem s : systems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("name", s.name());
            m.put("segment", s.segment().name().toLowerCase(java.util.Locale.ROOT));
            m.put("importance", s.importance().confidentiality() + "/" + s.importance().integrity() + "/" + s.importance().availability());
            m.put("owner", s.owner());
            m.put("vendors", s.vendors());
            List<Map<String, Object>> as = new ArrayList<>();
            for (Asset a : assets) {
                if (a.systemId() != s.id()) continue;
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("code", a.code());
                x.put("name", a.name());
                x.put("kind", a.kind().key());
                x.put("product", a.product());
                x.put("version", a.version());
                x.put("cpe", a.cpe());
                x.put("exposure", a.exposure().key());
                x.put("internetBoundary", a.internetBoundary());
                x.put("maintainer", a.vendor());
                CoveredAsset f = facts.get(a.id());
                x.put("currentSbom", f != null && f.hasCurrentSbom());
                as.add(x);
            }
            m.put("assets", as);
            sys.add(m);
        }
        root.put("systems", sys);
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (Vendor v : vendors) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("vendor", v.name());
            c.put("kind", v.kind() == null ? null : v.kind().key());
            c.put("person", v.contactPerson());
            c.put("phone", v.phone());
            c.put("hotline", v.hotline());
            c.put("email", v.email());
            contacts.add(c);
        }
        root.put("contacts", contacts);
        byte[] json;
        try {
            json = ReadinessStore.CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ConfigurationPackage("configuration-" + org.code() + "-" + asOf + ".json", json, ContractDocument.sha256(json));
    }
}
