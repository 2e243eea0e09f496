package jp.mamori.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import jp.mamori.persistence.StoredJson;

/** Pretty JSON for command output. */
final class Json {
    private Json() { }

    static String pretty(Object o) {
        try {
            return StoredJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
