package jp.mamori.partners;

import java.util.Locale;
import java.util.StringJoiner;

/** An enum value as the user writes it: its key, its constant name, its Japanese or its English label. */
public interface Keyed {
    String key();
    String ja();
    String en();

    static <E extends Enum<E> & Keyed> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) throw new PartnersException(what + " を指定してください / " + what + " is required");
        String v = value.strip();
        StringJoiner accepted = new StringJoiner(" | ");
        for (E e : type.getEnumConstants()) {
            if (e.key().equalsIgnoreCase(v) || e.name().equalsIgnoreCase(v.replace('-', '_')) || e.ja().equals(v) || e.en().equalsIgnoreCase(v)) return e;
            accepted.add(e.key() + " (" + e.ja() + ")");
        }
        throw new PartnersException(what + " が不正です / unknown " + what + " '" + v + "': " + accepted);
    }

    static String keyOf(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
