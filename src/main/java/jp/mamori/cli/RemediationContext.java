package jp.mamori.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import jp.mamori.app.Mamori;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingWorkflow;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.notify.Notifier;
import jp.mamori.notify.SmtpSettings;
import jp.mamori.remediation.schedule.RemediationScheduler;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * The remediation services as the CLI wires them: one clock, accounts from app_user, e-mail from
 * {@code MAMORI_SMTP_*} or a settings file ({@code MAMORI_NOTIFY_CONFIG}, else notify.yaml /
 * notify.properties in the data directory).
 */
final class RemediationContext {

    final Mamori mamori;
    final Database database;
    final Clock clock;
    final MitigationService mitigations;
    final FindingWorkflow workflow;

    RemediationContext(Mamori mamori) {
        this.mamori = mamori;
        this.database = mamori.database();
        this.clock = mamori.clock();
        this.mitigations = mamori.mitigations();
        this.workflow = mamori.workflow();
    }

    Notifier notifier() {
        return guard(mamori::notifier);
    }

    Optional<SmtpSettings> smtp() {
        return guard(mamori::smtp);
    }

    RemediationScheduler scheduler() {
        return guard(mamori::scheduler);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
    }

    static LocalDate date(String value, String option) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + " は YYYY-MM-DD 形式で指定してください / " + option + " must be a date (YYYY-MM-DD): '" + value + "'");
        }
    }

    /** A moment as an officer reads it: Tokyo time to the minute. */
    static String dateTime(java.time.Instant at) {
        return jp.mamori.app.TokyoTime.table(at);
    }

    /** Runs core code, turning its "bad input" into the CLI's (exit code 2). */
    static <T> T guard(Supplier<T> work) {
        return BadInputException.wrap(work);
    }

    /** One line about what a flush sent, and each failure as a warning. */
    static void report(Notifier.Report r) {
        if (r.messages() == 0 && r.events() == 0) return;
        System.out.println("通知 / notifications: " + r.messages() + " 通（イベント " + r.events() + " 件"
                + (r.failures() > 0 ? "、失敗 " + r.failures() + " 通" : "") + "）");
        for (String e : r.errors()) System.out.println("注意 / warning: 通知できませんでした / not delivered: " + e);
    }
}
