package jp.mamori.notify;

import java.util.List;

/**
 * Everything one recipient gets from one run: the queued changes that concern them and, on the daily
 * run, their digest. One message per recipient per run is what keeps a big import from flooding inboxes.
 */
public record Message(String organizationName, List<NotificationEvent> events, Digest digest) {

    public Message {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty() && digest == null;
    }

    public boolean urgent() {
        return events.stream().anyMatch(NotificationEvent::urgent) || (digest != null && !digest.overdue().isEmpty());
    }
}
