package jp.mamori.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import jp.mamori.app.TokyoTime;
import jp.mamori.persistence.StoredJson;

/**
 * Pretty JSON for command output. Every instant a command prints is written in Asia/Tokyo with its
 * offset (ISO-8601, "2026-12-03T09:15:05+09:00", {@link TokyoTime#iso}) — the same instant as stored,
 * in the time a Japanese reader reads.
 */
final class Json {
    private static final ObjectMapper OUT = StoredJson.MAPPER.copy().registerModule(new SimpleModule("tokyo-instants")
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(TokyoTime.iso(value));
                }
            }));

    private Json() { }

    static String pretty(Object o) {
        try {
            return OUT.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as a JSON object to add fields to before printing, its instants already in Tokyo time. */
    static ObjectNode tree(Object o) {
        return OUT.valueToTree(o);
    }
}
