package jp.mamori.inventory.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;

/** Writes an organisation back as a ledger: YAML, or CSV (UTF-8 with BOM so Excel reads the Japanese). */
public final class LedgerWriter {
    private LedgerWriter() { }

    public static String yaml(InventoryRepository repo, Organization org) {
        ObjectMapper m = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        ObjectNode root = m.createObjectNode();
        root.putObject("organization").put("code", org.code()).put("name", org.name());
        ArrayNode systems = root.putArray("systems");
        for (ItSystem s : repo.systems().list(org.id())) {
            ObjectNode n = systems.addObject();
            n.put("code", s.code()).put("name", s.name()).put("segment", s.segment().key())
                    .put("confidentiality", s.importance().confidentiality()).put("integrity", s.importance().integrity())
                    .put("availability", s.importance().availability());
            if (s.owner() != null) n.put("owner", s.owner());
            if (s.sbomTier() != null) n.put("sbomTier", s.sbomTier());
            ArrayNode vendors = n.putArray("vendors");
            s.vendors().forEach(vendors::add);
            ArrayNode assets = n.putArray("assets");
            for (Asset a : repo.listAssets(org.id(), s.id())) {
                ObjectNode x = assets.addObject();
                x.put("code", a.code()).put("name", a.name()).put("kind", a.kind().key());
                if (a.vendorName() != null) x.put("manufacturer", a.vendorName());
                if (a.product() != null) x.put("product", a.product());
                if (a.version() != null) x.put("version", a.version());
                if (a.cpe() != null) x.put("cpe", a.cpe());
                x.put("exposure", a.exposure().key()).put("boundary", a.internetBoundary());
                if (a.vendor() != null) x.put("maintainer", a.vendor());
            }
        }
        try {
            return m.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csv(InventoryRepository repo, Organization org) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", List.of("団体コード", "団体名", "システムコード", "システム名", "ネットワーク", "機密性", "完全性", "可用性",
                "所管", "保守事業者", "資産コード", "資産名", "種別", "製造元", "製品", "版", "CPE", "公開範囲", "境界", "資産の保守事業者"))).append("\r\n");
        for (ItSystem s : repo.systems().list(org.id())) {
            for (Asset a : repo.listAssets(org.id(), s.id())) {
                sb.append(String.join(",", List.of(q(org.code()), q(org.name()), q(s.code()), q(s.name()), q(s.segment().key()),
                        q(s.importance().confidentiality()), q(s.importance().integrity()), q(s.importance().availability()), q(s.owner()),
                        q(String.join("、", s.vendors())), q(a.code()), q(a.name()), q(a.kind().key()), q(a.vendorName()), q(a.product()),
                        q(a.version()), q(a.cpe()), q(a.exposure().key()), a.internetBoundary() ? "○" : "", q(a.vendor())))).append("\r\n");
            }
        }
        return sb.toString();
    }

    /** Quotes a cell; a leading = + - @ is neutralised so that Excel never evaluates data as a formula. */
    static String q(String s) {
        if (s == null) return "";
        String v = s;
        if (!v.isEmpty() && ("=+@".indexOf(v.charAt(0)) >= 0 || (v.charAt(0) == '-' && v.length() > 1 && !v.matches("-[0-9.]+")))) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
