package jp.mamori.notify;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** E-mail over SMTP with Jakarta Mail (Angus): UTF-8 text, so Japanese arrives intact. */
public final class SmtpMailTransport implements MailTransport {

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpMailTransport(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Properties p = new Properties();
        String proto = settings.tls() == SmtpSettings.Tls.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", settings.host());
        p.put("mail." + proto + ".port", String.valueOf(settings.port()));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + proto + ".timeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + proto + ".writetimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + proto + ".auth", String.valueOf(settings.user() != null));
        if (settings.tls() == SmtpSettings.Tls.STARTTLS) {
            // Required, not opportunistic: a downgrade must fail rather than send in clear text.
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (settings.tls() != SmtpSettings.Tls.NONE) p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(String to, String subject, String body) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setText(body, StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        try (Transport t = session.getTransport()) {
            t.connect(settings.host(), settings.port(), settings.user(), settings.password());
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
