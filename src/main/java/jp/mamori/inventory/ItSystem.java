package jp.mamori.inventory;

import java.util.List;

/** An information system (情報システム) of an organisation. sbomTier: per-system override, or null. */
public record ItSystem(long id, long organizationId, String code, String name, Segment segment, Importance importance,
                       String owner, String sbomTier, List<String> vendors) {
    public ItSystem {
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
    }
}
