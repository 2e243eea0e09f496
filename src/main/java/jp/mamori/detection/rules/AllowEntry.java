package jp.mamori.detection.rules;

import java.util.Locale;
import jp.mamori.detection.logs.Addresses;

/** One allow-list entry: an address range or a domain, checked when it is made. */
public record AllowEntry(AllowKind kind, String value, String note) {
    public AllowEntry {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (value == null || value.isBlank()) throw new IllegalArgumentException("値が空です / the value is empty");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 255) throw new IllegalArgumentException("値が長すぎます / value longer than 255 characters");
        if (kind.isRange()) {
            Addresses.Range.parse(value);
        } else {
            if (value.startsWith("*.")) value = value.substring(2);
            if (value.startsWith(".")) value = value.substring(1);
            if (!value.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new IllegalArgumentException("ドメイン名が不正です / not a domain name: '" + value + "'");
            }
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > 400) note = note.substring(0, 400);
    }
}
