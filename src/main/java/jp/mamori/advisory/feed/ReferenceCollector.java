package jp.mamori.advisory.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.Reference;

/**
 * Merges references by URL. NVD repeats a URL once per contributing source and CVE 5 repeats the
 * CNA's links in the CVE Program container; one link with the union of its tags is what a reader
 * of the merged record wants.
 */
public final class ReferenceCollector {
    // tag lists hold a handful of entries: a list with contains() is cheaper than a set
    private final Map<String, List<String>> tagsByUrl = new LinkedHashMap<>();

    public void add(String url, Iterable<String> tags) {
        if (url == null || url.isBlank()) return;
        List<String> list = tagsByUrl.computeIfAbsent(url.trim(), u -> new ArrayList<>(4));
        if (tags != null) {
            for (String t : tags) {
                if (t == null || t.isBlank()) continue;
                String tag = t.trim();
                if (!list.contains(tag)) list.add(tag);
            }
        }
    }

    public void add(String url, String... tags) {
        add(url, List.of(tags));
    }

    public List<Reference> references() {
        List<Reference> out = new ArrayList<>(tagsByUrl.size());
        tagsByUrl.forEach((url, tags) -> out.add(new Reference(url, tags)));
        return out;
    }
}
