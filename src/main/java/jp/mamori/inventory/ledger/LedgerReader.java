package jp.mamori.inventory.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.table.TableRow;
import jp.mamori.inventory.sbom.table.Tables;

/**
 * Reads a ledger from YAML (nested: systems with assets) or from a flat table (CSV/.xlsx, one
 * row per asset with its system's columns), with Japanese or English headers.
 */
public final class LedgerReader {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Column → accepted headers (Japanese first). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("orgCode", List.of("団体コード", "organization code", "org code"));
        COLUMNS.put("orgName", List.of("団体名", "organization name", "org name"));
        COLUMNS.put("systemCode", List.of("システムコード", "system code"));
        COLUMNS.put("systemName", List.of("システム名", "情報システム名", "system name"));
        COLUMNS.put("segment", List.of("ネットワーク", "ネットワーク区分", "segment"));
        COLUMNS.put("confidentiality", List.of("機密性", "confidentiality"));
        COLUMNS.put("integrity", List.of("完全性", "integrity"));
        COLUMNS.put("availability", List.of("可用性", "availability"));
        COLUMNS.put("owner", List.of("所管", "所管課", "owner"));
        COLUMNS.put("vendors", List.of("保守事業者", "vendors", "vendor"));
        COLUMNS.put("sbomTier", List.of("SBOM範囲", "sbom tier"));
        COLUMNS.put("assetCode", List.of("資産コード", "asset code"));
        COLUMNS.put("assetName", List.of("資産名", "asset name"));
        COLUMNS.put("kind", List.of("種別", "kind"));
        COLUMNS.put("vendorName", List.of("製造元", "manufacturer"));
        COLUMNS.put("product", List.of("製品", "製品名", "product"));
        COLUMNS.put("version", List.of("版", "バージョン", "version"));
        COLUMNS.put("cpe", List.of("CPE", "cpe"));
        COLUMNS.put("exposure", List.of("公開範囲", "exposure"));
        COLUMNS.put("boundary", List.of("境界", "インターネット境界", "boundary"));
        COLUMNS.put("maintainer", List.of("資産の保守事業者", "maintainer"));
    }

    private LedgerReader() { }

    public static Ledger read(Path file) throws IOException, LedgerFormatException {
        if (Files.size(file) > MAX_BYTES) {
            throw new LedgerFormatException(file.toString(), List.of("file is larger than " + MAX_BYTES + " bytes"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return yaml(bytes, file.toString());
        return table(bytes, file.toString());
    }

    static Ledger yaml(byte[] bytes, String file) throws LedgerFormatException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new LedgerFormatException(file, List.of(where + "malformed YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new LedgerFormatException(file, List.of(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new LedgerFormatException(file, List.of("expected a mapping with 'organization' and 'systems'"));
        JsonNode org = root.path("organization");
        List<Ledger.SystemEntry> systems = new ArrayList<>();
        JsonNode list = root.path("systems");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "/systems/" + i;
            List<Ledger.AssetEntry> assets = new ArrayList<>();
            JsonNode al = s.path("assets");
            for (int j = 0; j < al.size(); j++) {
                JsonNode a = al.get(j);
                assets.add(new Ledger.AssetEntry(where + "/assets/" + j, text(a, "code"), text(a, "name"), text(a, "kind"),
                        text(a, "manufacturer"), text(a, "product"), text(a, "version"), text(a, "cpe"), text(a, "exposure"),
                        a.path("boundary").asBoolean(false), text(a, "maintainer")));
            }
            List<String> vendors = new ArrayList<>();
            s.path("vendors").forEach(v -> vendors.add(v.asText()));
            systems.add(new Ledger.SystemEntry(where, text(s, "code"), text(s, "name"), text(s, "segment"), text(s, "confidentiality"),
                    text(s, "integrity"), text(s, "availability"), text(s, "owner"), vendors, text(s, "sbomTier"), assets));
        }
        return new Ledger(text(org, "code"), text(org, "name"), systems);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText().trim();
    }

    static Ledger table(byte[] bytes, String file) throws LedgerFormatException {
        List<TableRow> rows;
        try {
            rows = Tables.read(bytes, file);
        } catch (SbomFormatException e) {
            throw new LedgerFormatException(file, List.of(e.getMessage()));
        }
        int headerIndex = -1;
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (int i = 0; i < rows.size() && headerIndex < 0; i++) {
            Map<String, Integer> found = header(rows.get(i));
            if (found.containsKey("systemCode") && found.containsKey("assetCode")) {
                headerIndex = i;
                cols = found;
            }
        }
        if (headerIndex < 0) {
            throw new LedgerFormatException(file, List.of("no header row with システムコード and 資産コード (system code, asset code)"));
        }
        String orgCode = null;
        String orgName = null;
        Map<String, Ledger.SystemEntry> systems = new LinkedHashMap<>();
        Map<String, List<Ledger.AssetEntry>> assets = new LinkedHashMap<>();
        for (TableRow r : rows.subList(headerIndex + 1, rows.size())) {
            if (r.isBlank()) continue;
            String where = "row " + r.number();
            if (orgCode == null) orgCode = cell(r, cols, "orgCode");
            if (orgName == null) orgName = cell(r, cols, "orgName");
            String sys = cell(r, cols, "systemCode");
            if (sys == null) sys = "";
            if (!systems.containsKey(sys)) {
                String vendors = cell(r, cols, "vendors");
                systems.put(sys, new Ledger.SystemEntry(where, sys, cell(r, cols, "systemName"), cell(r, cols, "segment"),
                        cell(r, cols, "confidentiality"), cell(r, cols, "integrity"), cell(r, cols, "availability"), cell(r, cols, "owner"),
                        vendors == null ? List.of() : List.of(vendors.split("[、,;]\\s*")), cell(r, cols, "sbomTier"), new ArrayList<>()));
                assets.put(sys, new ArrayList<>());
            }
            String boundary = cell(r, cols, "boundary");
            assets.get(sys).add(new Ledger.AssetEntry(where, cell(r, cols, "assetCode"), cell(r, cols, "assetName"), cell(r, cols, "kind"),
                    cell(r, cols, "vendorName"), cell(r, cols, "product"), cell(r, cols, "version"), cell(r, cols, "cpe"),
                    cell(r, cols, "exposure"), boundary != null && List.of("○", "◯", "yes", "true", "1", "はい", "y").contains(boundary.toLowerCase(Locale.ROOT)),
                    cell(r, cols, "maintainer")));
        }
        List<Ledger.SystemEntry> out = new ArrayList<>();
        for (Ledger.SystemEntry s : systems.values()) {
            out.add(new Ledger.SystemEntry(s.where(), s.code(), s.name(), s.segment(), s.confidentiality(), s.integrity(), s.availability(),
                    s.owner(), s.vendors(), s.sbomTier(), assets.get(s.code())));
        }
        return new Ledger(orgCode, orgName, out);
    }

    private static Map<String, Integer> header(TableRow row) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String h = row.cell(i) == null ? "" : row.cell(i).trim().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                if (!found.containsKey(e.getKey()) && e.getValue().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(h))) {
                    found.put(e.getKey(), i);
                }
            }
        }
        return found;
    }

    private static String cell(TableRow r, Map<String, Integer> cols, String key) {
        Integer i = cols.get(key);
        if (i == null) return null;
        String v = r.cell(i);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
