package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.notify.Recipient;
import jp.mamori.notify.Recipients;
import org.junit.jupiter.api.Test;

/** What a decision must carry before it is stored. */
class DecisionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static final Map<String, Recipient> USERS = Map.of(
            "officer", new Recipient(1, "officer", "担当", "SECURITY_OFFICER", "o@example.jp", false),
            "admin", new Recipient(2, "admin", "管理者", "SYSTEM_ADMIN", "a@example.jp", false));

    private static final Recipients RECIPIENTS = new Recipients() {
        @Override public List<Recipient> forSystem(long orgId, long systemId) { return List.copyOf(USERS.values()); }
        @Override public List<Recipient> securityOfficers(long orgId) { return List.of(USERS.get("officer")); }
        @Override public List<Recipient> cisos(long orgId) { return List.of(); }
        @Override public Optional<Recipient> user(long orgId, String username) { return Optional.ofNullable(USERS.get(username)); }
    };

    private final DecisionRules rules = new DecisionRules(RECIPIENTS);

    @Test
    void everyDecisionNeedsAReason() {
        assertThatThrownBy(() -> rules.validate(1, Decision.of(DecisionAction.FALSE_POSITIVE, " ", "admin"), TODAY))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("理由").hasMessageContaining("reason is required");
    }

    @Test
    void patchMitigationAndAcceptanceNeedADate() {
        for (DecisionAction a : List.of(DecisionAction.PATCH, DecisionAction.MITIGATE, DecisionAction.ACCEPT)) {
            assertThatThrownBy(() -> rules.validate(1, Decision.of(a, "why", "officer"), TODAY))
                    .as(a.key()).hasMessageContaining("期限または見直し日").hasMessageNotContaining("--");
        }
    }

    @Test
    void aDateInThePastIsRefusedTodayIsFine() {
        assertThatThrownBy(() -> rules.validate(1, Decision.of(DecisionAction.PATCH, "why", "admin").withUntil(TODAY.minusDays(1)), TODAY))
                .hasMessageContaining("過去").hasMessageContaining("in the past");
        assertThat(rules.validate(1, Decision.of(DecisionAction.PATCH, "why", "admin").withUntil(TODAY), TODAY).until()).isEqualTo(TODAY);
    }

    @Test
    void riskAcceptanceNeedsASecurityOfficersApproval() {
        Decision byAdmin = Decision.of(DecisionAction.ACCEPT, "vendor EOL, isolated", "admin").withUntil(TODAY.plusMonths(3));
        assertThatThrownBy(() -> rules.validate(1, byAdmin, TODAY)).hasMessageContaining("情報セキュリティ担当の承認");
        assertThatThrownBy(() -> rules.validate(1, byAdmin.withApprover("admin"), TODAY)).hasMessageContaining("not a security officer");
        assertThatThrownBy(() -> rules.validate(1, byAdmin.withApprover("nobody"), TODAY)).hasMessageContaining("nobody");
        assertThat(rules.validate(1, byAdmin.withApprover("officer"), TODAY).approver()).isEqualTo("officer");
    }

    @Test
    void aSecurityOfficerAcceptingApprovesTheirOwnDecision() {
        Decision d = Decision.of(DecisionAction.ACCEPT, "isolated segment", "officer").withUntil(TODAY.plusMonths(1));
        assertThat(rules.validate(1, d, TODAY).approver()).isEqualTo("officer");
    }

    @Test
    void aRiskAcceptanceLastsAtMostAYear() {
        Decision d = Decision.of(DecisionAction.ACCEPT, "why", "officer").withUntil(TODAY.plusYears(2));
        assertThatThrownBy(() -> rules.validate(1, d, TODAY)).hasMessageContaining("1年以内");
    }

    @Test
    void notAffectedNeedsAVexJustification() {
        assertThatThrownBy(() -> rules.validate(1, Decision.of(DecisionAction.NOT_AFFECTED, "JNDI lookup class removed", "admin"), TODAY))
                .hasMessageContaining("vulnerable_code_not_present");
        Decision ok = Decision.of(DecisionAction.NOT_AFFECTED, "JNDI lookup class removed", "admin")
                .withJustification(VexJustification.fromKey("vulnerable-code-not-present"));
        assertThat(rules.validate(1, ok, TODAY).justification()).isEqualTo(VexJustification.VULNERABLE_CODE_NOT_PRESENT);
    }
}
