package jp.mamori.advisory.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.identifiers.IndexKeys;
import jp.mamori.identifiers.purl.PurlKey;

/**
 * The lookup keys of one statement: the CPE (part:vendor:product) of every vulnerable criterion and
 * of every CPE name, and the (ecosystem, package) of every affected package. One definition for the
 * database's key tables and the compiled match index, so both find the same statements.
 */
public record StatementKeys(List<String> cpeKeys, List<Boolean> versionless, List<String> ecosystems, List<String> packageNames) {

    public static StatementKeys of(Advisory a) {
        Set<String> cpeKeys = new LinkedHashSet<>();
        List<String> cpe = new ArrayList<>();
        List<Boolean> versionless = new ArrayList<>();
        for (CpeConfiguration cfg : a.configurations()) {
            for (CpeNode node : cfg.nodes()) {
                for (CpeMatch m : node.cpeMatch()) {
                    if (m.vulnerable()) {
                        String key = IndexKeys.cpeKey(m.criteria());
                        if (key != null && cpeKeys.add(key)) {
                            cpe.add(key);
                            versionless.add(false);
                        }
                    }
                }
            }
        }
        for (String name : a.cpeNames()) {
            String key = IndexKeys.cpeKey(name);
            if (key != null && cpeKeys.add(key)) {
                cpe.add(key);
                versionless.add(true);
            }
        }
        Set<String> pkgKeys = new LinkedHashSet<>();
        List<String> ecos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AffectedPackage p : a.packages()) {
            PurlKey key = IndexKeys.packageKey(p.ecosystem(), p.name());
            String eco = key.ecosystem();
            String name = key.name();
            if (name == null || name.isEmpty() || eco == null || !pkgKeys.add(key.lookupKey())) continue;
            ecos.add(truncate(eco, 100));
            names.add(truncate(name, 400));
        }
        return new StatementKeys(cpe, versionless, ecos, names);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
