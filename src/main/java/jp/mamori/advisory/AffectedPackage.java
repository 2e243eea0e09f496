package jp.mamori.advisory;

import java.util.List;

/**
 * A package an advisory says is affected.
 *
 * @param ecosystem OSV ecosystem name as published ("Maven", "npm", "PyPI", "Go", "Debian:12", ...)
 * @param name      package name in that ecosystem ("org.apache.logging.log4j:log4j-core")
 * @param purl      package URL without version when the source gave one, else null
 * @param ranges    ranges as published
 * @param versions  explicit affected versions as published
 */
public record AffectedPackage(String ecosystem, String name, String purl,
                              List<PackageRange> ranges, List<String> versions) {
    public AffectedPackage {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
