package jp.mamori.advisory.sync;

import java.net.URI;
import java.util.List;

/** Which OSV ecosystems are fetched and from where (file keys {@code osv.*}). */
public record OsvSyncSettings(String urlTemplate, List<String> ecosystems) {

    public static final String DEFAULT_URL = "https://osv-vulnerabilities.storage.googleapis.com/{ecosystem}/all.zip";
    public static final List<String> DEFAULT_ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go");
    public static final OsvSyncSettings DEFAULTS = new OsvSyncSettings(DEFAULT_URL, DEFAULT_ECOSYSTEMS);

    public OsvSyncSettings {
        if (urlTemplate == null || !urlTemplate.contains("{ecosystem}")) {
            throw new IllegalArgumentException("osv.url must contain {ecosystem}: " + urlTemplate);
        }
        ecosystems = List.copyOf(ecosystems);
        for (String e : ecosystems) {
            if (e.isBlank()) throw new IllegalArgumentException("osv.ecosystems: empty ecosystem name");
        }
    }

    /** The all.zip URL of one ecosystem (the name is percent-encoded as a path segment). */
    public URI url(String ecosystem) {
        return URI.create(urlTemplate.replace("{ecosystem}", Query.encodePathSegment(ecosystem)));
    }

    /** One file key without its {@code osv.} prefix. */
    OsvSyncSettings with(String key, String v) {
        return switch (key) {
            case "url" -> new OsvSyncSettings(v, ecosystems);
            case "ecosystems" -> new OsvSyncSettings(urlTemplate, SettingValues.list(v));
            default -> throw SettingValues.unknown("osv." + key);
        };
    }
}
