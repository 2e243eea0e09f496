package jp.mamori.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON body for each webhook kind: our own schema (everything, for automation), a Teams
 * Adaptive Card (what the Teams "post to a channel when a webhook request is received" workflow
 * takes) and Slack blocks with a text fallback.
 */
public final class WebhookPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Slack: a section's text holds at most 3000 characters, a message at most 50 blocks. */
    private static final int SLACK_TEXT = 2900;
    private static final int SLACK_BLOCKS = 45;

    private WebhookPayloads() { }

    public static String render(WebhookKind kind, Message m) {
        ObjectNode root = switch (kind) {
            case GENERIC -> generic(m);
            case TEAMS -> teams(m);
            case SLACK -> slack(m);
        };
        return root.toString();
    }

    static ObjectNode generic(Message m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "mamori.notification/1");
        root.put("organization", m.organizationName());
        root.put("subject", MessageText.subject(m));
        root.put("urgent", m.urgent());
        ArrayNode events = root.putArray("events");
        for (NotificationEvent e : m.events()) {
            ObjectNode n = events.addObject();
            n.put("kind", e.kind());
            if (e.findingId() != null) n.put("findingId", e.findingId());
            n.put("vulnId", e.vulnId());
            n.put("asset", e.assetCode());
            n.put("outcome", e.outcome());
            n.put("due", e.due() == null ? null : e.due().toString());
            n.put("urgent", e.urgent());
            n.put("ja", e.textJa());
            n.put("en", e.textEn());
        }
        if (m.digest() != null) {
            Digest d = m.digest();
            ObjectNode dn = root.putObject("digest");
            dn.put("date", d.date().toString());
            dn.put("scope", d.scope());
            ObjectNode open = dn.putObject("open");
            for (Map.Entry<String, Long> e : d.openByOutcome().entrySet()) open.put(e.getKey(), e.getValue());
            lines(dn.putArray("overdue"), d.overdue());
            lines(dn.putArray("newAct"), d.newAct());
            lines(dn.putArray("expiring"), d.expiring());
            lines(dn.putArray("reviews"), d.reviews());
        }
        root.put("text", MessageText.body(m));
        return root;
    }

    private static void lines(ArrayNode out, List<Digest.Line> lines) {
        for (Digest.Line l : lines) {
            ObjectNode n = out.addObject();
            n.put("findingId", l.findingId());
            n.put("vulnId", l.vulnId());
            n.put("asset", l.assetCode());
            n.put("system", l.systemName());
            n.put("outcome", l.outcome());
            n.put("date", l.date() == null ? null : l.date().toString());
        }
    }

    static ObjectNode teams(Message m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "message");
        ObjectNode att = root.putArray("attachments").addObject();
        att.put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = att.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("text", MessageText.subject(m));
        title.put("weight", "Bolder");
        title.put("size", "Medium");
        title.put("wrap", true);
        if (m.urgent()) title.put("color", "Attention");
        if (m.digest() != null) {
            ObjectNode facts = body.addObject();
            facts.put("type", "FactSet");
            ArrayNode fs = facts.putArray("facts");
            fact(fs, "期限超過 / overdue", String.valueOf(m.digest().overdue().size()));
            fact(fs, "新規Act / new Act", String.valueOf(m.digest().newAct().size()));
            for (Map.Entry<String, Long> e : m.digest().openByOutcome().entrySet()) fact(fs, e.getKey(), String.valueOf(e.getValue()));
        }
        ObjectNode text = body.addObject();
        text.put("type", "TextBlock");
        text.put("text", MessageText.body(m));
        text.put("wrap", true);
        return root;
    }

    private static void fact(ArrayNode facts, String title, String value) {
        ObjectNode f = facts.addObject();
        f.put("title", title);
        f.put("value", value);
    }

    static ObjectNode slack(Message m) {
        ObjectNode root = MAPPER.createObjectNode();
        String subject = MessageText.subject(m);
        root.put("text", subject);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        ObjectNode ht = header.putObject("text");
        ht.put("type", "plain_text");
        ht.put("text", subject.length() > 150 ? subject.substring(0, 149) + "…" : subject);
        String body = MessageText.body(m);
        for (int i = 0; i < body.length() && blocks.size() < SLACK_BLOCKS; i += SLACK_TEXT) {
            ObjectNode section = blocks.addObject();
            section.put("type", "section");
            ObjectNode st = section.putObject("text");
            st.put("type", "plain_text");
            st.put("text", body.substring(i, Math.min(body.length(), i + SLACK_TEXT)));
        }
        return root;
    }
}
