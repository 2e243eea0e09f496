package jp.mamori.triage.ssvc;

import java.util.Locale;

/** A value of an SSVC decision point or outcome, with the lower-case key used in files and JSON. */
public interface SsvcValue {

    /** Lower-case key, e.g. "active", "track-star". */
    String key();

    /**
     * Finds the value for a key, forgiving case, blanks and underscores ("Public PoC", "track*",
     * "very_high"), because keys are typed by people into policy files and overrides.
     *
     * @throws IllegalArgumentException naming the accepted keys when nothing matches
     */
    static <E extends Enum<E> & SsvcValue> E fromKey(Class<E> type, String key) {
        if (key != null) {
            String k = normalize(key);
            for (E e : type.getEnumConstants()) {
                if (e.key().equals(k) || normalize(e.name()).equals(k)) return e;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) accepted.append(accepted.length() == 0 ? "" : ", ").append(e.key());
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + key + "' (expected one of: " + accepted + ")");
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace("*", "-star").replace('_', '-').replace(' ', '-');
    }
}
