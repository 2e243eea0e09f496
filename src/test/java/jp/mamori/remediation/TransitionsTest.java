package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table, cell by cell: which decision a person may record in which state. */
class TransitionsTest {

    /** Rows: state; columns: triage, patch, mitigate, accept, not-affected, false-positive, reopen. */
    private static final String TABLE = """
            state            triage patch mitigate accept not-affected false-positive reopen
            new              y      y     y        y      y            y              n
            triaged          n      y     y        y      y            y              n
            patch_scheduled  n      y     y        y      y            y              y
            mitigation_planned n    y     y        y      y            y              y
            mitigated        n      y     y        y      y            y              y
            risk_accepted    n      y     y        y      y            y              y
            not_affected     n      n     n        n      n            n              y
            false_positive   n      n     n        n      n            n              y
            fixed            n      n     n        n      n            n              n
            """;

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        String[] lines = TABLE.strip().split("\n");
        String[] header = lines[0].trim().split("\\s+");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].trim().split("\\s+");
            for (int j = 1; j < cells.length; j++) {
                out.add(Arguments.of(FindingState.fromKey(cells[0]), DecisionAction.fromKey(header[j]), cells[j].equals("y")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} → allowed: {2}")
    @MethodSource("cells")
    void theTableSaysWhatIsAllowed(FindingState from, DecisionAction action, boolean allowed) {
        assertThat(Transitions.allowed(from, action)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryStateAndAction() {
        assertThat(cells().count()).isEqualTo((long) FindingState.values().length * DecisionAction.values().length);
    }

    @Test
    void aRefusedTransitionNamesBothStates() {
        assertThatThrownBy(() -> Transitions.check(7, FindingState.NOT_AFFECTED, DecisionAction.ACCEPT))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("#7").hasMessageContaining("影響なし").hasMessageContaining("リスク受容")
                .hasMessageContaining("not_affected → risk_accepted").hasMessageContaining("reopen");
    }

    @Test
    void aFixedFindingIsReopenedByMatchingNotByHand() {
        assertThatThrownBy(() -> Transitions.check(3, FindingState.FIXED, DecisionAction.PATCH))
                .hasMessageContaining("fixed → patch_scheduled").hasMessageContaining("reopened automatically");
    }

    @Test
    void actionsReadTheirCommandLineNames() {
        assertThat(DecisionAction.fromKey("not-affected")).isEqualTo(DecisionAction.NOT_AFFECTED);
        assertThat(DecisionAction.fromKey("FALSE_POSITIVE")).isEqualTo(DecisionAction.FALSE_POSITIVE);
        assertThatThrownBy(() -> DecisionAction.fromKey("ignore")).isInstanceOf(WorkflowException.class).hasMessageContaining("ignore");
    }
}
