package jp.mamori.advisory;

import java.util.List;

/** OSV range: type SEMVER, ECOSYSTEM or GIT, with its ordered events. */
public record PackageRange(String type, List<RangeEvent> events) {
    public PackageRange {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
