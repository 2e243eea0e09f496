package jp.mamori.security;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditLog;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts (app_user): creation with a one-time password, password and TOTP checks with
 * lockout, password change, TOTP enrolment, disable. Plain JDBC, usable from the command line
 * without Spring (bcrypt comes from the spring-security-crypto library, no container). Every
 * change is written to the {@link AuditLog} in the same transaction.
 *
 * <p>Lockout: {@value #MAX_FAILED_ATTEMPTS} failed attempts (password or TOTP code) lock the
 * account for 15 minutes. Callers never tell the user which of "unknown", "wrong password",
 * "locked" or "disabled" applied: {@link PasswordCheck#outcome()} is for the audit trail only.
 */
public final class UserStore {

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    public static final int BCRYPT_STRENGTH = 12;
    public static final String INITIAL_ADMIN = "admin";

    private static final String USER_COLUMNS = "id, username, display_name, role, organization_id, enabled, must_change_password, "
            + "totp_enabled, failed_attempts, locked_until, last_login_at, ciso, vendor_name, vendor_id, created_at";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final SecretBox secrets;
    private final Clock clock;
    private volatile String dummyHash;

    /** {@code secrets} may be null where no TOTP secret is read or written (most CLI commands). */
    public UserStore(DataSource dataSource, AuditLog audit, SecretBox secrets) {
        this(dataSource, audit, secrets, new BCryptPasswordEncoder(BCRYPT_STRENGTH), Clock.systemUTC());
    }

    public UserStore(DataSource dataSource, AuditLog audit, SecretBox secrets, PasswordEncoder encoder, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.secrets = secrets;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Compared against for unknown users, so that "no such user" takes as long as "wrong password". */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = encoder.encode("dummy-password-for-timing-" + System.nanoTime());
            dummyHash = h;
        }
        return h;
    }

    public Clock clock() {
        return clock;
    }

    // ---- creation

    /**
     * A new account. {@code systemIds}: SYSTEM_ADMIN only, systems of the organisation;
     * {@code vendorName}: VENDOR only, a vendor of the organisation; {@code ciso}: SECURITY_OFFICER only.
     */
    public record NewUser(String username, String displayName, Role role, Long organizationId, Set<Long> systemIds,
                          String vendorName, boolean ciso) {
        public NewUser {
            systemIds = systemIds == null ? Set.of() : Set.copyOf(systemIds);
        }
    }

    /** The account and its one-time password, which is shown once and stored only as a hash. */
    public record Created(UserAccount user, String oneTimePassword) {
        @Override
        public String toString() {
            return "Created[" + user.username() + "]";
        }
    }

    public static String normalizeUsername(String username) {
        if (username == null) throw new AccountException("ユーザー名が必要です / a user name is required");
        String u = username.trim().toLowerCase(Locale.ROOT);
        if (!u.matches("[a-z0-9][a-z0-9._@-]{1,99}")) {
            throw new AccountException("ユーザー名は英小文字・数字・. _ @ - の2〜100文字です / a user name is 2-100 of a-z 0-9 . _ @ -: '"
                    + username + "'");
        }
        return u;
    }

    public Created create(NewUser n, String actor) {
        String username = normalizeUsername(n.username());
        validateShape(n);
        String otp = PasswordPolicy.oneTimePassword();
        String hash = encoder.encode(otp);
        UserAccount created = Jdbc.tx(dataSource, c -> {
            if (findId(c, username).isPresent()) throw new AccountException("ユーザー " + username + " は既に存在します / user '" + username + "' already exists");
            Long vendorId = checkReferences(c, n);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, display_name, password_hash, role, organization_id, "
                    + "enabled, must_change_password, ciso, vendor_name, vendor_id, created_at) VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, username);
                ps.setString(2, n.displayName() == null || n.displayName().isBlank() ? null : n.displayName().trim());
                ps.setString(3, hash);
                ps.setString(4, n.role().name());
                Jdbc.setNullableLong(ps, 5, n.organizationId());
                ps.setBoolean(6, n.ciso());
                ps.setString(7, n.role() == Role.VENDOR ? n.vendorName().trim() : null);
                Jdbc.setNullableLong(ps, 8, vendorId);
                Jdbc.setInstant(ps, 9, clock.instant());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            for (Long s : new TreeSet<>(n.systemIds())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_system (user_id, system_id) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, s);
                    ps.executeUpdate();
                }
            }
            UserAccount u = load(c, id).orElseThrow();
            audit.append(c, new AuditLog.Entry(actor, u.organizationId(), AuditAction.USER_CREATED, "user:" + username, describe(u)));
            return u;
        });
        return new Created(created, otp);
    }

    /**
     * First run: when there is no account at all, creates {@value #INITIAL_ADMIN} (ADMIN, must
     * change the password, TOTP enrolment at first sign-in). Empty when accounts exist.
     */
    public Optional<Created> createInitialAdminIfNone() {
        if (count() > 0) return Optional.empty();
        try {
            return Optional.of(create(new NewUser(INITIAL_ADMIN, "初期管理者", Role.ADMIN, null, Set.of(), null, false), "system:first-run"));
        } catch (AccountException raced) {
            return Optional.empty();
        }
    }

    private static void validateShape(NewUser n) {
        if (n.role() == null) throw new AccountException("role is required");
        if (n.role() == Role.ADMIN && n.organizationId() != null) {
            throw new AccountException("ADMIN はインスタンス全体の管理者で団体に属しません / an ADMIN is instance-wide: give no --org");
        }
        if (n.role() != Role.ADMIN && n.organizationId() == null) {
            throw new AccountException(n.role() + " には団体が必要です / " + n.role() + " needs an organisation (--org)");
        }
        if (n.role() == Role.SYSTEM_ADMIN && n.systemIds().isEmpty()) {
            throw new AccountException("SYSTEM_ADMIN には担当システムが必要です / a SYSTEM_ADMIN needs at least one system (--system)");
        }
        if (n.role() != Role.SYSTEM_ADMIN && !n.systemIds().isEmpty()) {
            throw new AccountException("担当システムは SYSTEM_ADMIN のみ / only a SYSTEM_ADMIN has assigned systems");
        }
        if (n.role() == Role.VENDOR && (n.vendorName() == null || n.vendorName().isBlank())) {
            throw new AccountException("VENDOR には事業者名が必要です / a VENDOR needs a vendor name (--vendor)");
        }
        if (n.role() != Role.VENDOR && n.vendorName() != null) {
            throw new AccountException("事業者名は VENDOR のみ / only a VENDOR has a vendor name");
        }
        if (n.ciso() && n.role() != Role.SECURITY_OFFICER) {
            throw new AccountException("CISO は SECURITY_OFFICER のみ / only a SECURITY_OFFICER can be the CISO");
        }
    }

    /** Checks the organisation, systems and vendor the account names; the vendor record's id for a VENDOR, else null. */
    private static Long checkReferences(Connection c, NewUser n) throws SQLException {
        if (n.organizationId() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM organization WHERE id = ?")) {
                ps.setLong(1, n.organizationId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new AccountException("no organisation with id " + n.organizationId());
                }
            }
        }
        for (Long s : n.systemIds()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM it_system WHERE id = ? AND organization_id = ?")) {
                ps.setLong(1, s);
                ps.setLong(2, n.organizationId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new AccountException("system " + s + " is not a system of the account's organisation");
                }
            }
        }
        if (n.role() == Role.VENDOR) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vendor WHERE organization_id = ? AND name = ?")) {
                ps.setLong(1, n.organizationId());
                ps.setString(2, n.vendorName().trim());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AccountException("事業者 '" + n.vendorName().trim() + "' はこの団体に登録されていません / no vendor '"
                                + n.vendorName().trim() + "' in the organisation (vendors are registered with `system create --vendor`)");
                    }
                    return rs.getLong(1);
                }
            }
        }
        return null;
    }

    private static String describe(UserAccount u) {
        StringBuilder sb = new StringBuilder("role=").append(u.role());
        if (u.organizationId() != null) sb.append(" organization=").append(u.organizationId());
        if (!u.systemIds().isEmpty()) sb.append(" systems=").append(new TreeSet<>(u.systemIds()));
        if (u.vendorName() != null) sb.append(" vendor=").append(u.vendorName());
        if (u.ciso()) sb.append(" ciso=true");
        return sb.toString();
    }

    // ---- reading

    public long count() {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<UserAccount> find(String username) {
        String u;
        try {
            u = normalizeUsername(username);
        } catch (AccountException e) {
            return Optional.empty();
        }
        return Jdbc.read(dataSource, c -> {
            Optional<Long> id = findId(c, u);
            return id.isEmpty() ? Optional.<UserAccount>empty() : load(c, id.get());
        });
    }

    public UserAccount require(String username) {
        return find(username).orElseThrow(() -> new AccountException("ユーザーが見つかりません / no user '" + username + "'"));
    }

    public Optional<UserAccount> findById(long id) {
        return Jdbc.read(dataSource, c -> load(c, id));
    }

    /** All accounts ({@code organizationId} null) or those of one organisation, by user name. */
    public List<UserAccount> list(Long organizationId) {
        return Jdbc.read(dataSource, c -> {
            String sql = "SELECT " + USER_COLUMNS + " FROM app_user" + (organizationId == null ? "" : " WHERE organization_id = ?") + " ORDER BY username";
            List<UserAccount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (organizationId != null) ps.setLong(1, organizationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs, Set.of()));
                }
            }
            Map<Long, Set<Long>> systems = systemsOf(c, out.stream().map(UserAccount::id).toList());
            return out.stream().map(u -> withSystems(u, systems.getOrDefault(u.id(), Set.of()))).toList();
        });
    }

    private static Optional<Long> findId(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<UserAccount> load(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM app_user WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(map(rs, systemsOf(c, List.of(id)).getOrDefault(id, Set.of())));
            }
        }
    }

    private static Map<Long, Set<Long>> systemsOf(Connection c, Collection<Long> userIds) throws SQLException {
        Map<Long, Set<Long>> out = new HashMap<>();
        if (userIds.isEmpty()) return out;
        List<Long> ids = new ArrayList<>(userIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, system_id FROM user_system WHERE user_id IN (" + in + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static UserAccount map(ResultSet rs, Set<Long> systems) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Jdbc.nullableLong(rs, "organization_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getBoolean("totp_enabled"), rs.getInt("failed_attempts"), Jdbc.instant(rs, "locked_until"),
                Jdbc.instant(rs, "last_login_at"), rs.getBoolean("ciso"), rs.getString("vendor_name"), Jdbc.nullableLong(rs, "vendor_id"), systems, Jdbc.instant(rs, "created_at"));
    }

    private static UserAccount withSystems(UserAccount u, Set<Long> systems) {
        return new UserAccount(u.id(), u.username(), u.displayName(), u.role(), u.organizationId(), u.enabled(), u.mustChangePassword(),
                u.totpEnabled(), u.failedAttempts(), u.lockedUntil(), u.lastLoginAt(), u.ciso(), u.vendorName(), u.vendorId(), systems, u.createdAt());
    }

    // ---- sign-in

    /** Why a check failed, for the audit trail; the user is told the same thing in every case. */
    public enum Outcome { OK, UNKNOWN_USER, BAD_PASSWORD, BAD_CODE, LOCKED, DISABLED, JUST_LOCKED }

    public record PasswordCheck(Outcome outcome, UserAccount user) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** Checks a password; counts a failure towards the lockout. Takes about as long whether the user exists or not. */
    public PasswordCheck checkPassword(String username, String password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = find(username);
        if (found.isEmpty()) {
            burn(password);
            return new PasswordCheck(Outcome.UNKNOWN_USER, null);
        }
        UserAccount u = found.get();
        if (!u.enabled()) {
            burn(password);
            return new PasswordCheck(Outcome.DISABLED, u);
        }
        if (u.lockedAt(now)) {
            burn(password);
            return new PasswordCheck(Outcome.LOCKED, u);
        }
        if (!matches(password, passwordHash(u.id()))) {
            return new PasswordCheck(recordFailure(u, "password") ? Outcome.JUST_LOCKED : Outcome.BAD_PASSWORD, u);
        }
        clearFailures(u.id(), false);
        return new PasswordCheck(Outcome.OK, findById(u.id()).orElse(u));
    }

    /**
     * Checks a TOTP code of an account that has TOTP; a code is accepted once. A wrong code counts
     * towards the lockout like a wrong password.
     */
    public PasswordCheck checkTotp(long userId, String code) {
        Instant now = clock.instant();
        UserAccount u = findById(userId).orElse(null);
        if (u == null) return new PasswordCheck(Outcome.UNKNOWN_USER, null);
        if (!u.enabled()) return new PasswordCheck(Outcome.DISABLED, u);
        if (u.lockedAt(now)) return new PasswordCheck(Outcome.LOCKED, u);
        if (!u.totpEnabled()) return new PasswordCheck(Outcome.BAD_CODE, u);
        record Stored(String secret, Long lastStep) { }
        Stored s = Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_secret, totp_last_step FROM app_user WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getString(1), Jdbc.nullableLong(rs, "totp_last_step"));
                }
            }
        });
        OptionalLong step = Totp.verify(requireSecrets().open(s.secret(), context(userId)), code, now, s.lastStep());
        boolean accepted = step.isPresent() && Jdbc.tx(dataSource, c -> {
            // compare-and-set: two requests with the same code cannot both pass
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")) {
                ps.setLong(1, step.getAsLong());
                ps.setLong(2, userId);
                ps.setLong(3, step.getAsLong());
                return ps.executeUpdate() == 1;
            }
        });
        if (!accepted) return new PasswordCheck(recordFailure(u, SECOND_FACTOR) ? Outcome.JUST_LOCKED : Outcome.BAD_CODE, u);
        clearFailures(userId, true);
        return new PasswordCheck(Outcome.OK, u);
    }

    /** Sign-in completed (all factors): remembers when. */
    public void recordSignIn(long userId) {
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET last_login_at = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, clock.instant());
                ps.setLong(2, userId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Counts a failure; locks the account at the limit. True when this failure locked it. Wrong
     * second-factor codes have a counter of their own ({@code totp_failed_attempts}) that a correct
     * password never resets (issue 18.2); a lock that ran out starts both counts afresh.
     */
    private boolean recordFailure(UserAccount u, String factor) {
        Instant now = clock.instant();
        boolean secondFactor = SECOND_FACTOR.equals(factor);
        String column = secondFactor ? "totp_failed_attempts" : "failed_attempts";
        String other = secondFactor ? "failed_attempts" : "totp_failed_attempts";
        return Jdbc.tx(dataSource, c -> {
            int failed;
            Instant lockedUntil;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", locked_until FROM app_user WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, u.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return false;
                    failed = rs.getInt(1);
                    lockedUntil = Jdbc.instant(rs, "locked_until");
                }
            }
            if (lockedUntil != null && lockedUntil.isAfter(now)) return false;
            // a lock that ran out starts a fresh count (of both factors)
            boolean expired = lockedUntil != null;
            int n = (expired ? 0 : failed) + 1;
            boolean lock = n >= MAX_FAILED_ATTEMPTS;
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET " + column + " = ?, locked_until = ?"
                    + (expired ? ", " + other + " = 0" : "") + " WHERE id = ?")) {
                ps.setInt(1, n);
                Jdbc.setInstant(ps, 2, lock ? now.plus(LOCK_DURATION) : null);
                ps.setLong(3, u.id());
                ps.executeUpdate();
            }
            if (lock) {
                audit.append(c, new AuditLog.Entry("system", u.organizationId(), AuditAction.ACCOUNT_LOCKED, "user:" + u.username(),
                        n + " failed attempts (last: " + factor + "); locked until " + now.plus(LOCK_DURATION)));
            }
            return lock;
        });
    }

    private static final String SECOND_FACTOR = "totp";

    /**
     * A correct password clears the password count only; the second-factor count survives it
     * (unless a lock ran out, which starts both afresh). A correct code clears both.
     */
    private void clearFailures(long userId, boolean secondFactorPassed) {
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(secondFactorPassed
                    ? "UPDATE app_user SET failed_attempts = 0, totp_failed_attempts = 0, locked_until = NULL WHERE id = ? "
                            + "AND (failed_attempts <> 0 OR totp_failed_attempts <> 0 OR locked_until IS NOT NULL)"
                    : "UPDATE app_user SET failed_attempts = 0, "
                            + "totp_failed_attempts = CASE WHEN locked_until IS NULL THEN totp_failed_attempts ELSE 0 END, locked_until = NULL "
                            + "WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")) {
                ps.setLong(1, userId);
                return ps.executeUpdate();
            }
        });
    }

    /** Failed second-factor codes since the last correct code or lock (for tests and the user list). */
    public int secondFactorFailures(long userId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_failed_attempts FROM app_user WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private String passwordHash(long userId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : dummyHash();
                }
            }
        });
    }

    private boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            burn("x");
            return false;
        }
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void burn(String password) {
        try {
            encoder.matches(password == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES ? "x" : password, dummyHash());
        } catch (IllegalArgumentException ignored) {
            // only the time matters
        }
    }

    // ---- changes by the user

    /** The user changes their password (also ends the must-change state). */
    public void changePassword(long userId, String current, String next) {
        UserAccount u = findById(userId).orElseThrow(() -> new AccountException("no such user"));
        if (!matches(current, passwordHash(userId))) {
            recordFailure(u, "password change");
            throw new AccountException("現在のパスワードが正しくありません / the current password is not correct");
        }
        PasswordPolicy.check(u.username(), next);
        if (next.equals(current)) throw new AccountException("新しいパスワードは現在のものと異なる必要があります / the new password must differ from the current one");
        String hash = encoder.encode(next);
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?, failed_attempts = 0 WHERE id = ?")) {
                ps.setString(1, hash);
                Jdbc.setInstant(ps, 2, clock.instant());
                ps.setLong(3, userId);
                ps.executeUpdate();
            }
            audit.append(c, new AuditLog.Entry(u.username(), u.organizationId(), AuditAction.PASSWORD_CHANGED, "user:" + u.username(), null));
            return null;
        });
    }

    /**
     * Turns TOTP on with a secret the user has just added to an authenticator app, proven by a
     * current code. The secret is stored encrypted.
     */
    public void enrolTotp(long userId, String secret, String code) {
        UserAccount u = findById(userId).orElseThrow(() -> new AccountException("no such user"));
        if (u.totpEnabled()) throw new AccountException("二要素認証は設定済みです / TOTP is already set up");
        OptionalLong step = Totp.verify(secret, code, clock.instant(), null);
        if (step.isEmpty()) {
            throw new AccountException("確認コードが正しくありません / the code is not correct");
        }
        String sealed = requireSecrets().seal(secret, context(userId));
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET totp_secret = ?, totp_enabled = TRUE, totp_last_step = ? WHERE id = ? AND totp_enabled = FALSE")) {
                ps.setString(1, sealed);
                ps.setLong(2, step.getAsLong());
                ps.setLong(3, userId);
                if (ps.executeUpdate() != 1) throw new AccountException("二要素認証は設定済みです / TOTP is already set up");
            }
            audit.append(c, new AuditLog.Entry(u.username(), u.organizationId(), AuditAction.TOTP_ENROLLED, "user:" + u.username(), null));
            return null;
        });
    }

    private SecretBox requireSecrets() {
        if (secrets == null) throw new IllegalStateException("no secret key configured for TOTP");
        return secrets;
    }

    private static String context(long userId) {
        return "app_user.totp_secret:" + userId;
    }

    // ---- administration

    public void disable(String username, String actor) {
        UserAccount u = require(username);
        update(u, actor, "UPDATE app_user SET enabled = FALSE WHERE id = ?", AuditAction.USER_DISABLED, null);
    }

    public void unlock(String username, String actor) {
        UserAccount u = require(username);
        update(u, actor, "UPDATE app_user SET failed_attempts = 0, totp_failed_attempts = 0, locked_until = NULL WHERE id = ?", AuditAction.USER_UNLOCKED, null);
    }

    /** A new one-time password (returned once); the user must change it at the next sign-in. */
    public String resetPassword(String username, String actor) {
        UserAccount u = require(username);
        String otp = PasswordPolicy.oneTimePassword();
        String hash = encoder.encode(otp);
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET password_hash = ?, must_change_password = TRUE, "
                    + "failed_attempts = 0, totp_failed_attempts = 0, locked_until = NULL WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, u.id());
                ps.executeUpdate();
            }
            audit.append(c, new AuditLog.Entry(actor, u.organizationId(), AuditAction.PASSWORD_RESET, "user:" + u.username(), null));
            return null;
        });
        return otp;
    }

    /** Removes the second factor (lost phone); administrators and security officers enrol again at the next sign-in. */
    public void resetTotp(String username, String actor) {
        UserAccount u = require(username);
        update(u, actor, "UPDATE app_user SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL, totp_failed_attempts = 0 WHERE id = ?",
                AuditAction.TOTP_RESET, null);
    }

    private void update(UserAccount u, String actor, String sql, String action, String detail) {
        Jdbc.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, u.id());
                ps.executeUpdate();
            }
            audit.append(c, new AuditLog.Entry(actor, u.organizationId(), action, "user:" + u.username(), detail));
            return null;
        });
    }

    /** System ids by code within an organisation, for callers that take codes (the CLI). */
    public Set<Long> systemIds(long organizationId, Collection<String> codes) {
        return Jdbc.read(dataSource, c -> {
            Set<Long> out = new LinkedHashSet<>();
            for (String code : codes) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM it_system WHERE organization_id = ? AND code = ?")) {
                    ps.setLong(1, organizationId);
                    ps.setString(2, code.trim());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new AccountException("情報システムが見つかりません / no system with code '" + code + "' in the organisation");
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }
}
