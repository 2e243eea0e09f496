package jp.mamori.remediation;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.notify.MailTransport;

/** Keeps the e-mails instead of sending them (the SMTP path itself is tested against GreenMail). */
public final class RecordingMail implements MailTransport {

    public record Mail(String to, String subject, String body) { }

    public final List<Mail> sent = new ArrayList<>();

    @Override
    public synchronized void send(String to, String subject, String body) {
        sent.add(new Mail(to, subject, body));
    }

    public List<Mail> to(String address) {
        return sent.stream().filter(m -> m.to().equals(address)).toList();
    }

    public void clear() {
        sent.clear();
    }
}
