package jp.mamori.remediation.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.persistence.Database;
import jp.mamori.notify.Notifier;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * The daily remediation run, plain Java so the CLI ({@code mamori remediation run-daily}), cron and
 * the web server can all call it: follow up what matching changed, reopen expired risk acceptances,
 * flag and escalate overdue findings, then send each reader one message with the day's changes and
 * their digest. Running it twice a day sends no second digest.
 */
public final class RemediationScheduler {

    private final Database database;
    private final Notifier notifier;

    public RemediationScheduler(Database database, Notifier notifier) {
        this.database = database;
        this.notifier = notifier;
    }

    public DailyReport runDaily(Clock clock) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
        ChangeWatcher.Counts changes = database.inTransaction(c -> new ChangeWatcher().run(c, now));
        int expired = database.inTransaction(c -> new AcceptanceExpiry().run(c, today, now));
        OverdueMarker.Counts overdue = database.inTransaction(c -> new OverdueMarker().run(c, today, now));
        DigestBuilder digests = new DigestBuilder(database, today, now.minus(Duration.ofDays(1)));
        Notifier.Report sent = notifier.flushDaily(organizations(), digests);
        return new DailyReport(changes.raised(), changes.reopened(), expired, overdue.marked(), overdue.escalatedToCiso(), overdue.cleared(),
                sent.events(), sent.messages(), sent.failures(), sent.errors());
    }

    /**
     * Between daily runs (after an import or a decision): follow up what matching changed and send the
     * queued changes to those who want them at once. No digest.
     */
    public Notifier.Report processChanges(Clock clock) {
        Instant now = clock.instant();
        database.inTransaction(c -> new ChangeWatcher().run(c, now));
        return notifier.flush();
    }

    private List<Long> organizations() {
        return database.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organization ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
    }
}
