package jp.mamori.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.inventory.sbom.CpeSuggester;

/**
 * Suggests a CPE for a vendor-table row from the products the knowledge base knows: the supplier and
 * component names, written the way CPE writes them (lower case, spaces as underscores, a few
 * corporate suffixes dropped), are looked up among the index keys of NVD criteria and JVN names.
 * The answer stays a suggestion until a person confirms it.
 */
public final class KnowledgeBaseCpeSuggester implements CpeSuggester {

    private final DataSource dataSource;

    public KnowledgeBaseCpeSuggester(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> suggest(String supplier, String product, String version) {
        if (product == null || product.isBlank()) return Optional.empty();
        Set<String> vendors = new LinkedHashSet<>();
        if (supplier != null) vendors.add(cpeWord(supplier));
        String p = cpeWord(product);
        String[] words = p.split("_", 2);
        if (words.length == 2) vendors.add(words[0]);
        List<String> keys = new ArrayList<>();
        for (String v : vendors) {
            for (String part : List.of("a", "o", "h")) {
                keys.add(part + ":" + v + ":" + p);
                if (words.length == 2 && v.equals(words[0])) keys.add(part + ":" + v + ":" + words[1]);
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT cpe_key FROM advisory_cpe_key WHERE cpe_key = ? FETCH FIRST 1 ROWS ONLY")) {
            for (String k : keys) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String[] f = k.split(":");
                        String ver = version == null || version.isBlank() ? "*" : version.trim().replace(":", "\\:").replace(" ", "_");
                        return Optional.of("cpe:2.3:" + f[0] + ":" + f[1] + ":" + f[2] + ":" + ver + ":*:*:*:*:*:*:*");
                    }
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String cpeWord(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT)
                .replaceAll("\\b(inc|inc\\.|ltd|ltd\\.|llc|co\\.|corp|corporation|株式会社)\\b", "")
                .replaceAll("[,\\.()]", " ").trim().replaceAll("\\s+", "_");
        return v;
    }
}
