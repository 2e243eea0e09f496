package jp.mamori.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.persistence.Database;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * Flushes the notification queue: every queued change goes to the people it concerns, as ONE message
 * per recipient per run, however many findings changed. Events are claimed before anything is sent,
 * so two runs at once (server and CLI) never send the same change twice.
 */
public final class Notifier {

    /** The digest of a reader's scope; {@code systemIds} null means the whole organisation. */
    @FunctionalInterface
    public interface DigestSource {
        Digest digest(long orgId, Set<Long> systemIds, String scope);
    }

    /** What a run did. {@code errors} name the recipient and the reason, for the operator. */
    public record Report(int events, int messages, int failures, List<String> errors) {
        public static final Report NONE = new Report(0, 0, 0, List.of());
        static final Report EMPTY = NONE;

        Report plus(Report o) {
            List<String> e = new ArrayList<>(errors);
            e.addAll(o.errors);
            return new Report(events + o.events, messages + o.messages, failures + o.failures, e);
        }
    }

    private static final String ALL = "団体全体 / whole organisation";

    private final Database database;
    private final Recipients recipients;
    private final NotificationSettingsStore settings;
    private final MailTransport mail;
    private final WebhookSender webhooks;
    private final Clock clock;

    /** @param mail null when no SMTP server is configured (e-mail recipients then fail visibly) */
    public Notifier(Database database, Recipients recipients, MailTransport mail, WebhookSender webhooks, Clock clock) {
        this.database = database;
        this.recipients = recipients;
        this.settings = new NotificationSettingsStore(database.dataSource());
        this.mail = mail;
        this.webhooks = webhooks == null ? new WebhookSender(Duration.ofSeconds(10)) : webhooks;
        this.clock = clock;
    }

    /** Sends the queued changes to those who want them immediately. */
    public Report flush() {
        Report total = Report.EMPTY;
        for (long orgId : pendingOrganizations()) total = total.plus(run(orgId, null));
        return total;
    }

    /** The daily run: queued changes and each reader's digest, together, once a day per organisation. */
    public Report flushDaily(List<Long> orgIds, DigestSource digests) {
        Report total = Report.EMPTY;
        for (long orgId : orgIds) total = total.plus(run(orgId, digests));
        return total;
    }

    /** One message to one address, e.g. {@code mamori notify test}; throws when it cannot be delivered. */
    public void sendDirect(String email, Message m) throws Exception {
        if (mail == null) throw new IllegalStateException("SMTPが設定されていません / no SMTP server configured (MAMORI_SMTP_HOST)");
        mail.send(email, MessageText.subject(m), MessageText.body(m));
    }

    public void sendDirect(WebhookKind kind, String url, Message m) throws Exception {
        WebhookSender.checkUrl(url);
        webhooks.send(kind, url, m);
    }

    private final class Target {
        final Recipient recipient;
        final Preference preference;
        final Set<Long> systems = new TreeSet<>();
        boolean wholeOrg;
        final Map<Long, NotificationEvent> events = new LinkedHashMap<>();
        boolean digest;

        Target(Recipient r) {
            this.recipient = r;
            this.preference = settings.preference(r.userId());
        }
    }

    private Report run(long orgId, DigestSource digests) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
        record Claim(List<NotificationEvent> events, Instant previousDigest, boolean digestDue) { }
        Claim claim = database.inTransaction(c -> {
            List<NotificationEvent> pending = NotificationQueue.pending(c, orgId);
            NotificationQueue.markFlushed(c, pending.stream().map(NotificationEvent::id).toList(), now);
            Instant previous = null;
            boolean due = false;
            if (digests != null) {
                previous = DigestClock.last(c, orgId);
                due = previous == null || !previous.atZone(TriagePolicy.TOKYO).toLocalDate().equals(today);
                if (due) DigestClock.set(c, orgId, now);
            }
            return new Claim(pending, previous, due);
        });
        if (claim.events().isEmpty() && !claim.digestDue()) return Report.EMPTY;

        Map<Long, Target> targets = new LinkedHashMap<>();
        Map<Long, List<Recipient>> bySystem = new java.util.HashMap<>();
        List<Recipient> cisos = recipients.cisos(orgId);
        for (NotificationEvent e : claim.events()) {
            for (Recipient r : audience(orgId, e, bySystem, cisos)) {
                Target t = targets.computeIfAbsent(r.userId(), k -> new Target(r));
                if (t.preference.immediate()) t.events.put(e.id(), e);
            }
        }
        List<NotificationEvent> sinceDigest = List.of();
        if (claim.digestDue()) {
            sinceDigest = database.inTransaction(c -> NotificationQueue.since(c, orgId,
                    claim.previousDigest() != null ? claim.previousDigest() : now.minus(Duration.ofDays(1))));
            for (Recipient r : recipients.securityOfficers(orgId)) targets.computeIfAbsent(r.userId(), k -> new Target(r)).wholeOrg = true;
            for (Recipient r : cisos) targets.computeIfAbsent(r.userId(), k -> new Target(r)).wholeOrg = true;
            for (long systemId : systems(orgId)) {
                for (Recipient r : bySystem.computeIfAbsent(systemId, s -> recipients.forSystem(orgId, s))) {
                    targets.computeIfAbsent(r.userId(), k -> new Target(r)).systems.add(systemId);
                }
            }
            for (Target t : targets.values()) {
                t.digest = t.wholeOrg || !t.systems.isEmpty();
                if (t.preference.immediate()) continue;
                // Digest-only readers get the day's changes with their digest.
                for (NotificationEvent e : sinceDigest) {
                    if (audience(orgId, e, bySystem, cisos).stream().anyMatch(r -> r.userId() == t.recipient.userId())) t.events.put(e.id(), e);
                }
            }
        }

        String orgName = organizationName(orgId);
        Map<Set<Long>, Digest> digestCache = new java.util.HashMap<>();
        List<String> errors = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        int messages = 0;
        for (Target t : targets.values()) {
            if (t.preference.channel() == Preference.Channel.NONE) continue;
            Digest d = null;
            if (t.digest && digests != null) {
                Set<Long> scope = t.wholeOrg ? null : t.systems;
                d = digestCache.computeIfAbsent(scope == null ? Set.of(-1L) : scope,
                        k -> digests.digest(orgId, scope, scope == null ? ALL : "担当システム / your systems"));
            }
            Message m = new Message(orgName, new ArrayList<>(t.events.values()), d);
            if (m.isEmpty()) continue;
            messages++;
            deliveries.add(deliver(orgId, t, m, errors, now));
        }
        for (NotificationSettingsStore.OrgWebhook w : settings.webhooks(orgId)) {
            List<NotificationEvent> events = w.immediate() ? claim.events() : (claim.digestDue() ? sinceDigest : List.of());
            Digest d = claim.digestDue() && digests != null ? digestCache.computeIfAbsent(Set.of(-1L), k -> digests.digest(orgId, null, ALL)) : null;
            Message m = new Message(orgName, events, d);
            if (m.isEmpty()) continue;
            messages++;
            deliveries.add(send("webhook:" + w.name(), "webhook", () -> webhooks.send(w.kind(), w.url(), m), orgId, m, errors, now));
        }
        database.inTransaction(c -> {
            DeliveryLog.write(c, deliveries);
            return null;
        });
        int failures = (int) deliveries.stream().filter(x -> !x.ok()).count();
        return new Report(claim.events().size(), messages, failures, errors);
    }

    private Delivery deliver(long orgId, Target t, Message m, List<String> errors, Instant now) {
        Recipient r = t.recipient;
        if (t.preference.channel() == Preference.Channel.WEBHOOK) {
            return send(r.username(), "webhook", () -> webhooks.send(t.preference.webhookKind(), t.preference.webhookUrl(), m), orgId, m, errors, now);
        }
        if (r.email() == null || r.email().isBlank()) {
            return failed(orgId, r.username(), "email", m, "メールアドレスが未登録です / no e-mail address", errors, now);
        }
        if (mail == null) {
            return failed(orgId, r.username() + " <" + r.email() + ">", "email", m, "SMTPが設定されていません / no SMTP server configured", errors, now);
        }
        return send(r.username() + " <" + r.email() + ">", "email", () -> mail.send(r.email(), MessageText.subject(m), MessageText.body(m)),
                orgId, m, errors, now);
    }

    private interface Sending {
        void run() throws Exception;
    }

    private Delivery send(String recipient, String channel, Sending s, long orgId, Message m, List<String> errors, Instant now) {
        try {
            s.run();
            return new Delivery(orgId, recipient, channel, m.digest() != null, m.events().size(), now, true, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return failed(orgId, recipient, channel, m, e.getClass().getSimpleName() + ": " + e.getMessage(), errors, now);
        }
    }

    private static Delivery failed(long orgId, String recipient, String channel, Message m, String why, List<String> errors, Instant now) {
        errors.add(recipient + ": " + why);
        return new Delivery(orgId, recipient, channel, m.digest() != null, m.events().size(), now, false, why);
    }

    /** Who an event concerns: the system's administrators and the security officers; for the most urgent also the CISOs. */
    private List<Recipient> audience(long orgId, NotificationEvent e, Map<Long, List<Recipient>> bySystem, List<Recipient> cisos) {
        Set<Recipient> out = new LinkedHashSet<>(e.systemId() == null ? recipients.securityOfficers(orgId)
                : bySystem.computeIfAbsent(e.systemId(), s -> recipients.forSystem(orgId, s)));
        if (e.audience() == Audience.SYSTEM_AND_CISO) out.addAll(cisos);
        return new ArrayList<>(out);
    }

    private List<Long> pendingOrganizations() {
        return database.inTransaction(NotificationQueue::organizationsWithPending);
    }

    private List<Long> systems(long orgId) {
        return database.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM it_system WHERE organization_id = ? ORDER BY id")) {
                ps.setLong(1, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    private String organizationName(long orgId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM organization WHERE id = ?")) {
                ps.setLong(1, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "#" + orgId;
                }
            }
        });
    }

    /** One message sent (or not). */
    record Delivery(long orgId, String recipient, String channel, boolean digest, int events, Instant at, boolean ok, String error) { }

    /** notification_delivery rows. */
    static final class DeliveryLog {
        private DeliveryLog() { }

        static void write(Connection c, List<Delivery> deliveries) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_delivery (organization_id, recipient, channel, digest, "
                    + "events, sent_at, ok, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Delivery d : deliveries) {
                    ps.setLong(1, d.orgId());
                    ps.setString(2, cut(d.recipient(), 400));
                    ps.setString(3, d.channel());
                    ps.setBoolean(4, d.digest());
                    ps.setInt(5, d.events());
                    ps.setTimestamp(6, Timestamp.from(d.at()));
                    ps.setBoolean(7, d.ok());
                    ps.setString(8, cut(d.error(), 1000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private static String cut(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }
    }

    /** When the organisation's last digest went out (app_setting), so it goes out once a day. */
    static final class DigestClock {
        private DigestClock() { }

        static Instant last(Connection c, long orgId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_name = ? FOR UPDATE")) {
                ps.setString(1, key(orgId));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Instant.parse(rs.getString(1)) : null;
                }
            }
        }

        static void set(Connection c, long orgId, Instant at) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE app_setting SET setting_value = ? WHERE setting_name = ?")) {
                up.setString(1, at.toString());
                up.setString(2, key(orgId));
                if (up.executeUpdate() > 0) return;
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, key(orgId));
                ins.setString(2, at.toString());
                ins.executeUpdate();
            }
        }

        private static String key(long orgId) {
            return "notify.digest_at." + orgId;
        }
    }
}
