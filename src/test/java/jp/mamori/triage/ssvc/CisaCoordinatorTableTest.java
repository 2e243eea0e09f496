package jp.mamori.triage.ssvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * All 36 rows of CERT/CC SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv, copied here as the oracle,
 * independently of the table in the production class.
 */
class CisaCoordinatorTableTest {
    private final CisaCoordinatorTable table = new CisaCoordinatorTable();

    @ParameterizedTest(name = "row {0}: {1}/{2}/{3}/{4} -> {5}")
    @CsvSource(textBlock = """
            # row,Exploitation v1.1.0,Automatable v2.0.0,Technical Impact v1.0.0,Mission and Well-Being Impact v1.0.0,CISA Levels v1.1.0
            0,none,no,partial,low,track
            1,none,no,partial,medium,track
            2,none,no,partial,high,track
            3,none,no,total,low,track
            4,none,no,total,medium,track
            5,none,no,total,high,track*
            6,none,yes,partial,low,track
            7,none,yes,partial,medium,track
            8,none,yes,partial,high,attend
            9,none,yes,total,low,track
            10,none,yes,total,medium,track
            11,none,yes,total,high,attend
            12,public poc,no,partial,low,track
            13,public poc,no,partial,medium,track
            14,public poc,no,partial,high,track*
            15,public poc,no,total,low,track
            16,public poc,no,total,medium,track*
            17,public poc,no,total,high,attend
            18,public poc,yes,partial,low,track
            19,public poc,yes,partial,medium,track
            20,public poc,yes,partial,high,attend
            21,public poc,yes,total,low,track
            22,public poc,yes,total,medium,track*
            23,public poc,yes,total,high,attend
            24,active,no,partial,low,track
            25,active,no,partial,medium,track
            26,active,no,partial,high,attend
            27,active,no,total,low,track
            28,active,no,total,medium,attend
            29,active,no,total,high,act
            30,active,yes,partial,low,attend
            31,active,yes,partial,medium,attend
            32,active,yes,partial,high,act
            33,active,yes,total,low,attend
            34,active,yes,total,medium,act
            35,active,yes,total,high,act
            """)
    void everyPublishedRow(int row, String exploitation, String automatable, String technicalImpact, String mission, String outcome) {
        SsvcDecision d = table.decide(Exploitation.fromKey(exploitation), Automatable.fromKey(automatable),
                TechnicalImpact.fromKey(technicalImpact), Mission.fromKey(mission));
        assertThat(d.outcome()).isEqualTo(Outcome.fromKey(outcome));
        assertThat(d.outcome().display().toLowerCase()).isEqualTo(outcome);
        assertThat(d.row()).isEqualTo(row);
        assertThat(d.inputs()).isEqualTo(exploitation + "/" + automatable + "/" + technicalImpact + "/" + mission);
        assertThat(d.table()).isEqualTo("cisa_coordinator 2.0.3");
    }

    @Test
    void outcomeDistributionMatchesThePublishedTable() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Exploitation e : Exploitation.values())
            for (Automatable a : Automatable.values())
                for (TechnicalImpact t : TechnicalImpact.values())
                    for (Mission m : Mission.values())
                        counts.merge(table.decide(e, a, t, m).outcome(), 1, Integer::sum);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                Outcome.TRACK, 18, Outcome.TRACK_STAR, 4, Outcome.ATTEND, 10, Outcome.ACT, 4));
    }

    @Test
    void ruleTextNamesTableRowInputsAndOutcome() {
        SsvcDecision d = table.decide(Exploitation.ACTIVE, Automatable.YES, TechnicalImpact.TOTAL, Mission.HIGH);
        assertThat(d.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 35: active/yes/total/high → Act");
    }
}
