package jp.mamori.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Password rules: at least 12 characters; at most 72 bytes in UTF-8 (bcrypt reads no further, so
 * a longer one would silently be cut); not the user name; not a common or breached password
 * ({@code security/common-passwords.txt}, issue 18.10). Also generates one-time passwords.
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
        if (common(password)) {
            return "よく使われる・漏えいしたパスワードに近いため使えません / the password is too close to a common or breached one";
        }
        return null;
    }

    private static final String BLOCKLIST = "/security/common-passwords.txt";
    private static volatile Blocklist blocklist;

    private record Blocklist(Set<String> bases, Set<String> exact) { }

    private static Blocklist blocklist() {
        Blocklist b = blocklist;
        if (b != null) return b;
        Set<String> bases = new HashSet<>();
        Set<String> exact = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(BLOCKLIST)) {
            if (in == null) throw new IllegalStateException(BLOCKLIST + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip().toLowerCase(Locale.ROOT);
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (l.startsWith("base:")) bases.add(unleet(l.substring(5)));
                else exact.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b = new Blocklist(Set.copyOf(bases), Set.copyOf(exact));
        blocklist = b;
        return b;
    }

    /**
     * A listed password as it is, or a listed word with only digits, symbols and spaces around it
     * (Password123!, mamori123456, 2026tokyo!), common swaps undone (p@ssw0rd), or nothing but a
     * keyboard run or a counted sequence.
     */
    static boolean common(String password) {
        Blocklist b = blocklist();
        String lower = password.toLowerCase(Locale.ROOT);
        if (b.exact().contains(lower)) return true;
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.isEmpty()) return sequence(lower.replaceAll("[^0-9a-z]", ""));
        if (b.bases().contains(unleet(core)) || b.bases().contains(core)) return true;
        // two listed words with separators only (admin_password, tokyo-mamori)
        String[] parts = unleet(core).split("[^\\p{L}]+");
        if (parts.length == 2 && java.util.Arrays.stream(parts).allMatch(p -> p.isEmpty() || b.bases().contains(p))) return true;
        return sequence(lower.replaceAll("[^0-9a-z]", ""));
    }

    private static String unleet(String s) {
        return s.replace('@', 'a').replace('4', 'a').replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('5', 's')
                .replace('$', 's').replace('7', 't').replace('!', 'i');
    }

    private static final String[] RUNS = {"qwertyuiopasdfghjklzxcvbnm", "1234567890", "abcdefghijklmnopqrstuvwxyz", "qazwsxedcrfvtgbyhnujmikolp"};

    /** Every character continues a keyboard row or the alphabet/digits, forwards or backwards. */
    private static boolean sequence(String s) {
        if (s.length() < 4) return false;
        for (String run : RUNS) {
            if (run.contains(s) || new StringBuilder(run).reverse().toString().contains(s)) return true;
        }
        return false;
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
