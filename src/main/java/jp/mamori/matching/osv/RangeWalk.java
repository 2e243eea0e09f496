package jp.mamori.matching.osv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.matching.version.VersionScheme;

/**
 * Evaluates one SEMVER or ECOSYSTEM range the way the OSV 1.x schema's reference pseudo-code does:
 * below the limits, events sorted by version, {@code introduced} switches "affected" on,
 * {@code fixed} (at or above) and {@code last_affected} (strictly above) switch it off.
 */
final class RangeWalk {

    static final String INTRODUCED = "introduced";
    static final String FIXED = "fixed";
    static final String LAST_AFFECTED = "last_affected";
    static final String LIMIT = "limit";

    /** The interval that contains the version: its opening and (if any) closing event. */
    record Hit(RangeEvent lower, RangeEvent upper) { }

    private final VersionScheme scheme;

    RangeWalk(VersionScheme scheme) {
        this.scheme = scheme;
    }

    /** The first event version the scheme cannot order, if any; such a range cannot be evaluated. */
    Optional<String> invalidEvent(PackageRange range) {
        for (RangeEvent e : range.events()) {
            if (isOpenEnded(e)) continue;
            if (e.version() == null || !scheme.isValid(e.version())) return Optional.of(String.valueOf(e.version()));
        }
        return Optional.empty();
    }

    /** Caller has checked {@link #invalidEvent} and the version's validity. */
    Optional<Hit> find(PackageRange range, String version) {
        if (!beforeLimits(range, version)) return Optional.empty();
        List<RangeEvent> sorted = sorted(range);
        boolean affected = false;
        int opened = -1;
        for (int i = 0; i < sorted.size(); i++) {
            RangeEvent e = sorted.get(i);
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (isZero(e) || scheme.compare(version, e.version()) >= 0) {
                        affected = true;
                        opened = i;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(version, e.version()) >= 0) affected = false;
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(version, e.version()) > 0) affected = false;
                }
                default -> { }
            }
        }
        if (!affected) return Optional.empty();
        return Optional.of(new Hit(sorted.get(opened), closing(sorted, opened, range)));
    }

    /** The fixed versions of the range above the given version, lowest first. */
    List<String> fixesAbove(PackageRange range, String version) {
        List<String> out = new ArrayList<>();
        for (RangeEvent e : sorted(range)) {
            if (FIXED.equals(e.kind()) && scheme.compare(e.version(), version) > 0) out.add(e.version());
        }
        return out;
    }

    private RangeEvent closing(List<RangeEvent> sorted, int opened, PackageRange range) {
        for (int i = opened + 1; i < sorted.size(); i++) {
            String kind = sorted.get(i).kind();
            if (FIXED.equals(kind) || LAST_AFFECTED.equals(kind)) return sorted.get(i);
        }
        // No fix after the opening event: a finite limit, if there is one, is the only upper bound.
        return range.events().stream().filter(e -> LIMIT.equals(e.kind()) && !isOpenEnded(e)).findFirst().orElse(null);
    }

    private boolean beforeLimits(PackageRange range, String version) {
        boolean anyLimit = false;
        for (RangeEvent e : range.events()) {
            if (!LIMIT.equals(e.kind())) continue;
            anyLimit = true;
            if (isOpenEnded(e) || scheme.compare(version, e.version()) < 0) return true;
        }
        return !anyLimit;
    }

    /** Limits are not part of the timeline; "0" sorts before every version. Stable for equal versions. */
    private List<RangeEvent> sorted(PackageRange range) {
        List<RangeEvent> events = new ArrayList<>();
        for (RangeEvent e : range.events()) {
            if (!LIMIT.equals(e.kind())) events.add(e);
        }
        events.sort((a, b) -> {
            if (isZero(a) || isZero(b)) return Boolean.compare(!isZero(a), !isZero(b));
            return scheme.compare(a.version(), b.version());
        });
        return events;
    }

    static boolean isZero(RangeEvent e) {
        return INTRODUCED.equals(e.kind()) && "0".equals(e.version());
    }

    /** {@code introduced: "0"} and a limit containing "*" (infinity) need no ordering. */
    private static boolean isOpenEnded(RangeEvent e) {
        return isZero(e) || (LIMIT.equals(e.kind()) && e.version() != null && e.version().contains("*"));
    }
}
