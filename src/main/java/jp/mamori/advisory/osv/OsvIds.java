package jp.mamori.advisory.osv;

import com.fasterxml.jackson.databind.JsonNode;
import jp.mamori.intake.JsonFields;
/** Choosing the merge key of an OSV record. */
final class OsvIds {
    private OsvIds() { }

    /**
     * The CVE this record is about, else the OSV id: the id itself when it is a CVE; else the one
     * CVE among {@code aliases}; else, when aliases name no CVE, the one CVE in {@code upstream}
     * (distribution records such as UBUNTU-CVE-2025-38094 name their CVE only there). Two or more
     * candidate CVEs mean the record covers several vulnerabilities (a distribution advisory), so
     * it keeps its own id. {@code related} is never used: related records are other vulnerabilities.
     */
    static String vulnId(JsonNode osv, String id) {
        if (isCve(id)) return id;
        String fromAliases = singleCve(osv, "aliases");
        if (fromAliases != null) return fromAliases.isEmpty() ? id : fromAliases;
        String fromUpstream = singleCve(osv, "upstream");
        return fromUpstream == null || fromUpstream.isEmpty() ? id : fromUpstream;
    }

    /** The only CVE id in the array; "" when there are several; null when there is none. */
    private static String singleCve(JsonNode osv, String field) {
        String found = null;
        for (JsonNode a : JsonFields.array(osv, field)) {
            String s = a.asText("").trim();
            if (!isCve(s) || s.equals(found)) continue;
            if (found != null) return "";
            found = s;
        }
        return found;
    }

    static boolean isCve(String s) {
        return s != null && s.length() > 8 && s.regionMatches(true, 0, "CVE-", 0, 4);
    }

    /**
     * The scorer recorded on OSV CVSS vectors: "osv:" plus the id prefix, which names the database
     * that published the record (GHSA, GO, PYSEC, RUSTSEC, RHSA, UBUNTU, ...).
     */
    static String scorer(String id) {
        int dash = id.indexOf('-');
        return "osv:" + (dash > 0 ? id.substring(0, dash) : id);
    }
}
