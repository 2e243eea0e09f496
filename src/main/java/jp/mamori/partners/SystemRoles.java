package jp.mamori.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The role matrix (体制表) of one information system: the organisation's matrix with the system's own
 * cells laid over it, where the system differs (the telework gateway's maintenance vendor is not the
 * resident records system's). A cell of the system replaces the organisation's cell of the same
 * phase × party; {@link #NONE} says the party has no role in this system. A system with cells of
 * its own is exercised by its own drills; one that follows the organisation's matrix by the
 * organisation's.
 *
 * @param boundary the system has an internet-boundary device (its gaps are the ones the readiness report marks red)
 */
public record SystemRoles(long systemId, String systemCode, String systemName, boolean boundary, RoleMatrix organisation,
                          List<Cell> cells, List<RoleMatrix.Drill> ownDrills) {

    /** RACI value of a system cell that removes the organisation's cell for the system. */
    public static final String NONE = "-";

    public SystemRoles {
        cells = List.copyOf(cells);
        ownDrills = List.copyOf(ownDrills);
    }

    /** One cell of the system's own: RACI letters or {@link #NONE}, and the vendor taking the role. */
    public record Cell(Phase phase, Party party, String raci, String vendorName) {
        public Cell {
            raci = normalise(raci);
        }

        public boolean none() {
            return NONE.equals(raci);
        }
    }

    /** "ra" → "RA"; "-" / "－" / "なし" → {@link #NONE}; anything else is refused as RoleMatrix.Assignment refuses it. */
    public static String normalise(String raci) {
        String r = raci == null ? "" : raci.strip();
        if (r.equals("-") || r.equals("－") || r.equals("なし") || r.toLowerCase(Locale.ROOT).equals("none")) return NONE;
        return new RoleMatrix.Assignment(Phase.DETECT, Party.CSIRT, r, null).raci();
    }

    /** A gap of the system's matrix: a phase nobody is Responsible for (party null), or a vendor role naming no vendor. */
    public record Gap(Phase phase, Party party) {
        public String ja() {
            return party == null ? "「" + phase.ja() + "」の実施責任者（R）がいません"
                    : "「" + phase.ja() + "」の" + party.ja() + "の役割に事業者が決まっていません";
        }

        public String en() {
            return party == null ? "no one is responsible for " + phase.en() : "no vendor named for the " + party.en() + " in " + phase.en();
        }
    }

    public boolean differs() {
        return !cells.isEmpty();
    }

    public Cell own(Phase phase, Party party) {
        return cells.stream().filter(c -> c.phase() == phase && c.party() == party).findFirst().orElse(null);
    }

    /** The matrix that holds for this system; its drills are the system's own when it differs, the organisation's otherwise. */
    public RoleMatrix effective() {
        List<RoleMatrix.Assignment> out = new ArrayList<>();
        for (RoleMatrix.Assignment a : organisation.assignments()) {
            if (own(a.phase(), a.party()) == null) out.add(a);
        }
        for (Cell c : cells) {
            if (!c.none()) out.add(new RoleMatrix.Assignment(c.phase(), c.party(), c.raci(), c.vendorName()));
        }
        out.sort(java.util.Comparator.comparing(RoleMatrix.Assignment::phase).thenComparing(RoleMatrix.Assignment::party));
        return new RoleMatrix(out, differs() ? ownDrills : organisation.drills());
    }

    public List<Gap> gaps() {
        RoleMatrix m = effective();
        List<Gap> out = new ArrayList<>();
        for (Phase p : m.gaps()) out.add(new Gap(p, null));
        for (RoleMatrix.Assignment a : m.unnamed()) out.add(new Gap(a.phase(), a.party()));
        out.sort(java.util.Comparator.comparing(Gap::phase).thenComparing(g -> g.party() == null ? -1 : g.party().ordinal()));
        return out;
    }

    /** The drill that counts for this system (its own when it differs), or null. */
    public RoleMatrix.Drill lastDrill() {
        return effective().lastDrill();
    }

    /** No drill of this system's matrix within {@link Readiness#DRILL_INTERVAL_DAYS} days (or none at all). */
    public boolean drillOverdue(LocalDate today) {
        RoleMatrix.Drill d = lastDrill();
        return d == null || d.heldOn().isBefore(today.minusDays(Readiness.DRILL_INTERVAL_DAYS));
    }

    /** The error for a system code the organisation does not have (another organisation's reads the same). */
    public static PartnersException noSuchSystem(String code) {
        String c = code == null ? "" : code.strip();
        if (c.length() > 64) c = c.substring(0, 64) + "…";
        return new PartnersException("情報システムが見つかりません / no system '" + c + "' in this organisation");
    }

    public String label() {
        return systemName + "（" + systemCode + "）";
    }
}
