package jp.mamori.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingWorkflow;
import jp.mamori.remediation.WorkflowException;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.remediation.notify.JdbcRecipients;
import jp.mamori.remediation.notify.Notifier;
import jp.mamori.remediation.notify.Recipients;
import jp.mamori.remediation.notify.SmtpMailTransport;
import jp.mamori.remediation.notify.SmtpSettings;
import jp.mamori.remediation.notify.WebhookSender;
import jp.mamori.remediation.schedule.RemediationScheduler;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * The remediation services as the CLI wires them: one clock, accounts from app_user, e-mail from
 * {@code MAMORI_SMTP_*} or a settings file ({@code MAMORI_NOTIFY_CONFIG}, else notify.yaml /
 * notify.properties in the data directory).
 */
final class RemediationContext {

    final Database database;
    final Clock clock = Clock.systemUTC();
    final Recipients recipients;
    final MitigationService mitigations;
    final FindingWorkflow workflow;
    final Notifier notifier;
    final Optional<SmtpSettings> smtp;

    RemediationContext(Database database, Path dataDir) {
        this.database = database;
        this.recipients = new JdbcRecipients(database.dataSource());
        this.mitigations = new MitigationService(database, clock);
        this.workflow = new FindingWorkflow(database, recipients, mitigations, clock);
        this.smtp = guard(() -> SmtpSettings.resolve(settingsFile(dataDir), System.getenv()));
        this.notifier = new Notifier(database, recipients, smtp.map(s -> new SmtpMailTransport(s, clock)).orElse(null),
                new WebhookSender(Duration.ofSeconds(10)), clock);
    }

    RemediationScheduler scheduler() {
        return new RemediationScheduler(database, notifier);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
    }

    /** Who the CLI acts as: --by, else MAMORI_USER, else the operating-system account. */
    static String actor(String by) {
        if (by != null && !by.isBlank()) return by.trim();
        String env = System.getenv("MAMORI_USER");
        if (env != null && !env.isBlank()) return env.trim();
        return System.getProperty("user.name", "cli");
    }

    static Path settingsFile(Path dataDir) {
        String env = System.getenv("MAMORI_NOTIFY_CONFIG");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isRegularFile(p)) throw new BadInputException("MAMORI_NOTIFY_CONFIG: ファイルがありません / no such file: " + p);
            return p;
        }
        for (String name : new String[] {"notify.yaml", "notify.yml", "notify.properties"}) {
            Path p = dataDir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
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
        return at == null ? "-" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(TriagePolicy.TOKYO));
    }

    /** Runs core code, turning its "bad input" into the CLI's (exit code 2). */
    static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (WorkflowException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** One line about what a flush sent, and each failure as a warning. */
    static void report(Notifier.Report r) {
        if (r.messages() == 0 && r.events() == 0) return;
        System.out.println("通知 / notifications: " + r.messages() + " 通（イベント " + r.events() + " 件"
                + (r.failures() > 0 ? "、失敗 " + r.failures() + " 通" : "") + "）");
        for (String e : r.errors()) System.out.println("注意 / warning: 通知できませんでした / not delivered: " + e);
    }
}
