package jp.mamori.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditDetail;
import jp.mamori.audit.AuditLog;

/**
 * API tokens for automation ({@code Authorization: Bearer mmr_...}): 256 random bits, shown once,
 * stored as SHA-256, scoped ({@code read}, {@code write}), expiring, revocable. A token acts as
 * its user (same {@link AccessScope}), narrowed to its scopes; a disabled user's tokens stop working.
 */
public final class ApiTokenStore {

    public static final String PREFIX = "mmr_";
    public static final Set<String> SCOPES = Set.of("read", "write");
    public static final int MAX_DAYS = 365;
    public static final int DEFAULT_DAYS = 90;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokenStore(DataSource dataSource, AuditLog audit) {
        this(dataSource, audit, Clock.systemUTC());
    }

    public ApiTokenStore(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored token and the secret, which exists only in this object: show it once. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    /** The scopes as given; {@code write} includes {@code read}. */
    public static Set<String> normalizeScopes(Collection<String> scopes) {
        Set<String> out = new TreeSet<>();
        if (scopes == null || scopes.isEmpty()) {
            out.add("read");
            return out;
        }
        for (String s : scopes) {
            for (String part : s.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) continue;
                if (!SCOPES.contains(p)) throw new AccountException("unknown scope '" + part.trim() + "' (read, write)");
                out.add(p);
            }
        }
        if (out.contains("write")) out.add("read");
        if (out.isEmpty()) out.add("read");
        return out;
    }

    public Issued issue(UserAccount user, String name, Collection<String> scopes, int days, String actor) {
        if (name == null || name.isBlank() || name.length() > 100) throw new AccountException("トークン名（1〜100文字）が必要です / a token name of 1-100 characters is required");
        if (days < 1 || days > MAX_DAYS) throw new AccountException("有効期間は1〜365日です / validity must be 1-" + MAX_DAYS + " days");
        if (!user.enabled()) throw new AccountException("無効なユーザーです / the user is disabled");
        Set<String> sc = normalizeScopes(scopes);
        if (user.role() == Role.AUDITOR && sc.contains("write")) throw new AccountException("AUDITOR は読み取り専用です / an AUDITOR's token can only read");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        String prefix = secret.substring(0, 10);
        ApiToken token = Jdbc.tx(dataSource, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (user_id, name, token_prefix, token_hash, scopes, expires_at, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, user.id());
                ps.setString(2, name.trim());
                ps.setString(3, prefix);
                ps.setString(4, sha256(secret));
                ps.setString(5, String.join(",", sc));
                Jdbc.setInstant(ps, 6, expires);
                Jdbc.setInstant(ps, 7, now);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            audit.append(c, new AuditLog.Entry(actor, user.organizationId(), AuditAction.TOKEN_CREATED, "token:" + id,
                    "user=" + user.username() + " name=" + AuditDetail.quote(name.trim()) + " scopes=" + String.join(",", sc) + " expires=" + expires));
            return new ApiToken(id, user.id(), user.username(), name.trim(), prefix, sc, expires, null, null, now);
        });
        return new Issued(token, secret);
    }

    /** Why a presented token was refused (for the audit trail; the client always gets the same 401). */
    public enum Refusal { MALFORMED, UNKNOWN, EXPIRED, REVOKED, USER_DISABLED }

    public record Check(ApiToken token, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** Looks a presented token up by its hash; records its use. */
    public Check authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() != PREFIX.length() + 43
                || !presented.substring(PREFIX.length()).matches("[A-Za-z0-9_-]+")) {
            return new Check(null, Refusal.MALFORMED);
        }
        String hash = sha256(presented);
        Instant now = clock.instant();
        record Row(ApiToken token, boolean userEnabled) { }
        Optional<Row> row = Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.scopes, t.expires_at, "
                    + "t.revoked_at, t.last_used_at, t.created_at, u.enabled FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(map(rs), rs.getBoolean("enabled"))) : Optional.<Row>empty();
                }
            }
        });
        if (row.isEmpty()) return new Check(null, Refusal.UNKNOWN);
        ApiToken t = row.get().token();
        switch (t.status(now)) {
            case REVOKED:
                return new Check(t, Refusal.REVOKED);
            case EXPIRED:
                return new Check(t, Refusal.EXPIRED);
            default:
                break;
        }
        if (!row.get().userEnabled()) return new Check(t, Refusal.USER_DISABLED);
        if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            Jdbc.tx(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
                    Jdbc.setInstant(ps, 1, now);
                    ps.setLong(2, t.id());
                    return ps.executeUpdate();
                }
            });
        }
        return new Check(t, null);
    }

    /** Tokens of one user ({@code userId}) or of everyone (null), newest first. */
    public List<ApiToken> list(Long userId) {
        return Jdbc.read(dataSource, c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.scopes, t.expires_at, "
                    + "t.revoked_at, t.last_used_at, t.created_at FROM api_token t JOIN app_user u ON u.id = t.user_id"
                    + (userId == null ? "" : " WHERE t.user_id = ?") + " ORDER BY t.id DESC")) {
                if (userId != null) ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
            }
            return out;
        });
    }

    public Optional<ApiToken> find(long id) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.scopes, t.expires_at, "
                    + "t.revoked_at, t.last_used_at, t.created_at FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<ApiToken>empty();
                }
            }
        });
    }

    /** Revokes a token (idempotent); {@code organizationId}: the owner's organisation, for the audit entry. */
    public boolean revoke(long tokenId, String actor, Long organizationId) {
        Instant now = clock.instant();
        return Jdbc.tx(dataSource, c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, tokenId);
                n = ps.executeUpdate();
            }
            if (n == 1) audit.append(c, new AuditLog.Entry(actor, organizationId, AuditAction.TOKEN_REVOKED, "token:" + tokenId, null));
            return n == 1;
        });
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        Set<String> scopes = new TreeSet<>(List.of(rs.getString("scopes").split(",")));
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("name"), rs.getString("token_prefix"),
                scopes, Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "revoked_at"), Jdbc.instant(rs, "last_used_at"),
                Jdbc.instant(rs, "created_at"));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
