package jp.mamori.notify;

/** Sends one plain-text e-mail. Behind an interface so the flush logic is tested without a server too. */
public interface MailTransport {
    void send(String to, String subject, String body) throws Exception;
}
