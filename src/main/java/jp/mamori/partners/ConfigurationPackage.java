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
 * assets with CPE, exposure and boundary flag, whether a current SBOM is held and its summary (format,
 * version, number of components, SHA-256, upload date), and the contacts —
 * generated from the inventory as canonical JSON, so that the same inventory gives the same SHA-256.
 */
public record ConfigurationPackage(String fileName, byte[] json, String sha256, byte[] xlsx) {

    /** The .xlsx beside the JSON. */
    public String xlsxName() {
        return fileName.replaceFirst("\\.json$", ".xlsx");
    }

    /** The current SBOM of an asset as the package summarises it (never its components). */
    public record SbomSummary(String format, String specVersion, int components, String sha256, LocalDate uploadedOn) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", format);
            m.put("specVersion", specVersion);
            m.put("components", components);
            m.put("sha256", sha256);
            m.put("uploadedOn", uploadedOn == null ? null : uploadedOn.toString());
            return m;
        }

        /** The 資産 sheet's SBOM cell: CycloneDX 1.5・120 コンポーネント（2026-11-01）. */
        String text() {
            return format + (specVersion == null ? "" : " " + specVersion) + "・" + components + " コンポーネント" + (uploadedOn == null ? "" : "（" + uploadedOn + "）");
        }
    }

    public static ConfigurationPackage build(Organization org, LocalDate asOf, Vendor recipient, List<ItSystem> systems, List<Asset> assets,
                                             Map<Long, CoveredAsset> facts, List<Vendor> vendors) {
        return build(org, asOf, recipient, systems, assets, facts, vendors, Map.of());
    }

    /** {@code sboms}: each asset's current SBOM by asset id (assets without one are absent). */
    public static ConfigurationPackage build(Organization org, LocalDate asOf, Vendor recipient, List<ItSystem> systems, List<Asset> assets,
                                             Map<Long, CoveredAsset> facts, List<Vendor> vendors, Map<Long, SbomSummary> sboms) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<Map<String, Object>, String> sbomText = new java.util.IdentityHashMap<>();
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
                SbomSummary sb = sboms.get(a.id());
                x.put("sbom", sb == null ? null : sb.json());
                if (sb != null) sbomText.put(x, sb.text());
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
        return new ConfigurationPackage("configuration-" + org.code() + "-" + asOf + ".json", json, ContractDocument.sha256(json),
                workbook(org, asOf, recipient, sys, contacts, sbomText));
    }

    @SuppressWarnings("unchecked")
    private static byte[] workbook(Organization org, LocalDate asOf, Vendor recipient, List<Map<String, Object>> systems, List<Map<String, Object>> contacts,
                                   Map<Map<String, Object>, String> sbomText) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet a = wb.createSheet("資産");
            a.createRow(0).createCell(0).setCellValue(jp.mamori.remediation.export.CellText.safe("構成情報 " + org.name() + " " + asOf + " 提供先 " + recipient.name()));
            String[] h = {"システムコード", "システム名", "ネットワーク", "重要性", "資産コード", "資産名", "種別", "製品", "版", "CPE", "公開範囲", "境界", "保守事業者", "SBOM"};
            org.apache.poi.ss.usermodel.Row hr = a.createRow(2);
            for (int i = 0; i < h.length; i++) hr.createCell(i).setCellValue(h[i]);
            int n = 3;
            for (Map<String, Object> s : systems) {
                for (Map<String, Object> x : (List<Map<String, Object>>) s.get("assets")) {
                    org.apache.poi.ss.usermodel.Row r = a.createRow(n++);
                    Object[] v = {s.get("code"), s.get("name"), s.get("segment"), s.get("importance"), x.get("code"), x.get("name"), x.get("kind"),
                            x.get("product"), x.get("version"), x.get("cpe"), x.get("exposure"), Boolean.TRUE.equals(x.get("internetBoundary")) ? "○" : "",
                            x.get("maintainer"), sbomText.containsKey(x) ? sbomText.get(x) : Boolean.TRUE.equals(x.get("currentSbom")) ? "あり" : "なし"};
                    for (int i = 0; i < v.length; i++) r.createCell(i).setCellValue(jp.mamori.remediation.export.CellText.safe(v[i] == null ? "" : String.valueOf(v[i])));
                }
            }
            org.apache.poi.ss.usermodel.Sheet c = wb.createSheet("連絡先");
            String[] ch = {"事業者", "種別", "担当者", "電話", "24時間窓口", "メール"};
            org.apache.poi.ss.usermodel.Row chr = c.createRow(0);
            for (int i = 0; i < ch.length; i++) chr.createCell(i).setCellValue(ch[i]);
            int m = 1;
            for (Map<String, Object> x : contacts) {
                org.apache.poi.ss.usermodel.Row r = c.createRow(m++);
                String[] keys = {"vendor", "kind", "person", "phone", "hotline", "email"};
                for (int i = 0; i < keys.length; i++) r.createCell(i).setCellValue(jp.mamori.remediation.export.CellText.safe(x.get(keys[i]) == null ? "" : String.valueOf(x.get(keys[i]))));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
