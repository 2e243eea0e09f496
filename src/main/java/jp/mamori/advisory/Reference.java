package jp.mamori.advisory;

import java.util.List;

/** A link with the tags the source gave it (NVD: "Exploit", "Patch", "Vendor Advisory"...). */
public record Reference(String url, List<String> tags) {
    public Reference {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isExploit() {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase("Exploit") || t.equalsIgnoreCase("exploit"));
    }
}
