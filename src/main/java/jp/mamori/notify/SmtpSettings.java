package jp.mamori.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where e-mail goes out: host, port, sender, TLS and an optional login. Read from a properties or
 * YAML file ({@code smtp.host: ...}) and from the environment ({@code MAMORI_SMTP_HOST} etc.), the
 * environment winning, so a password need not sit in a file.
 *
 * @param tls NONE, STARTTLS (required when chosen) or SSL (implicit TLS, port 465)
 */
public record SmtpSettings(String host, int port, String from, Tls tls, String user, String password, int timeoutMillis) {

    public enum Tls { NONE, STARTTLS, SSL }

    private static final String[] KEYS = {"host", "port", "from", "tls", "user", "password", "timeout"};

    @Override
    public String toString() {
        return "smtp://" + host + ":" + port + " from " + from + " tls=" + tls + (user == null ? "" : " user=" + user);
    }

    /** Settings from the file (may be null or missing) and the environment; empty when no host is given. */
    public static Optional<SmtpSettings> resolve(Path file, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        if (file != null && Files.isRegularFile(file)) values.putAll(readFile(file));
        for (String k : KEYS) {
            String v = env.get("MAMORI_SMTP_" + k.toUpperCase(Locale.ROOT));
            if (v != null && !v.isBlank()) values.put(k, v.trim());
        }
        String host = values.get("host");
        if (host == null || host.isBlank()) return Optional.empty();
        Tls tls = parseTls(values.getOrDefault("tls", "none"));
        int port = parseInt(values.get("port"), tls == Tls.SSL ? 465 : 25, "port");
        String from = values.getOrDefault("from", "mamori@localhost");
        return Optional.of(new SmtpSettings(host, port, from, tls, values.get("user"), values.get("password"),
                parseInt(values.get("timeout"), 10_000, "timeout")));
    }

    private static Map<String, String> readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> out = new HashMap<>();
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                JsonNode smtp = root == null ? null : root.get("smtp");
                if (smtp != null) for (String k : KEYS) if (smtp.hasNonNull(k)) out.put(k, smtp.get(k).asText());
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String k : KEYS) {
                    String v = p.getProperty("smtp." + k);
                    if (v != null) out.put(k, v.trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new NotificationSettingsException("通知設定ファイルを読めません: " + file + "（" + e.getMessage() + "）",
                    "cannot read notification settings " + file + ": " + e.getMessage());
        }
        return out;
    }

    private static Tls parseTls(String s) {
        try {
            return Tls.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotificationSettingsException("smtp.tls は none, starttls, ssl のいずれかです: '" + s + "'", "smtp.tls must be none, starttls or ssl: '" + s + "'");
        }
    }

    private static int parseInt(String s, int dflt, String what) {
        if (s == null || s.isBlank()) return dflt;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new NotificationSettingsException("smtp." + what + " が数値ではありません: '" + s + "'", "smtp." + what + " is not a number: '" + s + "'");
        }
    }
}
