package jp.mamori.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Password rules: at least 12 characters; at most 72 bytes in UTF-8 (bcrypt reads no further, so
 * a longer one would silently be cut); not the user name. Also generates one-time passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    /** No 0/O, 1/l/I: one-time passwords are read off a terminal and typed in by hand. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() { }

    /** Null when acceptable, else the reason in Japanese and English. */
    public static String problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "パスワードは12文字以上にしてください / the password must be at least 12 characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "パスワードが長すぎます（72バイトまで） / the password is too long (at most 72 bytes)";
        }
        if (password.isBlank() || password.strip().length() != password.length()) {
            return "パスワードの先頭と末尾に空白は使えません / the password must not start or end with a space";
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "パスワードにユーザー名を含めないでください / the password must not contain the user name";
        }
        if (password.chars().distinct().count() < 5) {
            return "パスワードが単純すぎます / the password is too simple";
        }
        return null;
    }

    public static void check(String username, String password) {
        String p = problem(username, password);
        if (p != null) throw new AccountException(p);
    }

    /** A random password for first sign-in, e.g. {@code kX7m-9fQp-Rt2w-Hb4n} (≈ 93 bits). */
    public static String oneTimePassword() {
        StringBuilder sb = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
