package jp.mamori.detection.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import jp.mamori.intake.JsonLimits;

/** Zscaler NSS web feed, one JSON object a line (optionally wrapped as {@code {"event": {...}}}); bounded by {@link JsonLimits}. */
public final class ZscalerParser implements LineParser {

    private static final JsonFactory FACTORY = JsonLimits.strict(8).factory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final Timestamps time;

    public ZscalerParser(Timestamps time) {
        this.time = time;
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("JSON として読めません / not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new MalformedLineException("JSON オブジェクトではありません / not a JSON object");
        if (n.path("event").isObject()) n = n.get("event");
        String t = text(n, "time");
        if (t == null) t = text(n, "datetime");
        if (t == null) throw new MalformedLineException("time がありません / no \"time\"");
        String url = text(n, "eurl");
        if (url == null) url = text(n, "url");
        String host = text(n, "hostname");
        if (host == null && url != null) host = FormatStringParser.hostOf(url.contains("://") ? url : "http://" + url);
        return LogEvent.of(LogSource.ZSCALER, lineNo, time.ctime(t), EventKind.WEB_REQUEST, line)
                .user(text(n, "login")).client(text(n, "cip")).target(text(n, "sip")).method(text(n, "reqmethod"))
                .destination(host == null ? null : host.toLowerCase(Locale.ROOT)).url(url).userAgent(text(n, "ua"))
                .bytesOut(NetScalerParser.number(text(n, "reqsize"))).bytesIn(NetScalerParser.number(text(n, "respsize")))
                .detail(text(n, "action")).build();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
