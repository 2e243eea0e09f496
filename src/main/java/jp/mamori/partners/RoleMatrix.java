package jp.mamori.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 体制表: who does what in each phase of an incident (RACI), and the drills held. A phase that no
 * party is Responsible for is a gap.
 */
public record RoleMatrix(List<Assignment> assignments, List<Drill> drills) {
    public RoleMatrix {
        assignments = List.copyOf(assignments);
        drills = List.copyOf(drills);
    }

    /** One cell: RACI letters (R, A, C, I; e.g. "RA"), and the vendor named for the party, if any. */
    public record Assignment(Phase phase, Party party, String raci, String vendorName) {
        public Assignment {
            String r = raci == null ? "" : raci.strip().toUpperCase(java.util.Locale.ROOT);
            if (!r.matches("[RACI]{1,4}") || r.chars().distinct().count() != r.length()) {
                throw new PartnersException("RACI は R・A・C・I の組み合わせです / RACI is a combination of R, A, C, I: '" + raci + "'");
            }
            raci = r;
        }

        public boolean responsible() {
            return raci.contains("R");
        }
    }

    /** A drill held; {@code systemCode} names the system whose own matrix was exercised (null: the organisation's). */
    public record Drill(long id, LocalDate heldOn, String title, String findings, String recordedBy, String systemCode) { }

    public String cell(Phase phase, Party party) {
        return assignments.stream().filter(a -> a.phase() == phase && a.party() == party).map(Assignment::raci).findFirst().orElse("");
    }

    /** Phases with no Responsible party. */
    public List<Phase> gaps() {
        List<Phase> out = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (assignments.stream().noneMatch(a -> a.phase() == p && a.responsible())) out.add(p);
        }
        return out;
    }

    /** Cells of an outside party (development or maintenance vendor, IR partner) that name no vendor: the role reaches no one. */
    public List<Assignment> unnamed() {
        return assignments.stream().filter(a -> a.party().vendor() && (a.vendorName() == null || a.vendorName().isBlank())).toList();
    }

    public String vendor(Phase phase, Party party) {
        return assignments.stream().filter(a -> a.phase() == phase && a.party() == party).map(Assignment::vendorName).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    public Drill lastDrill() {
        return drills.stream().max(java.util.Comparator.comparing(Drill::heldOn)).orElse(null);
    }
}
