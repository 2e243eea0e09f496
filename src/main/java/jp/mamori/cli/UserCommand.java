package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.security.AccountException;
import jp.mamori.security.Accounts;
import jp.mamori.security.ApiToken;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori user create|list|disable|unlock|reset-password|reset-totp|token}. The operator at
 * the server's command line acts instance-wide; every change is in the audit trail as
 * {@code cli:<os user>}.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = {"利用者アカウントの管理", "User accounts."},
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Unlock.class,
                UserCommand.ResetPassword.class, UserCommand.ResetTotp.class, UserCommand.Token.class})
public class UserCommand {

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    static UserStore users(Mamori mamori) {
        return Accounts.of(mamori).users();
    }

    static ApiTokenStore tokens(Mamori mamori) {
        return Accounts.of(mamori).tokens();
    }

    static <T> T badInput(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AccountException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"アカウントを作成し、ワンタイムパスワードを一度だけ表示します", "Creates an account and prints its one-time password once."})
    static class Create extends InstanceCommand {
        @Option(names = "--username", required = true, description = "ユーザー名 / user name (a-z 0-9 . _ @ -)") String username;
        @Option(names = "--role", required = true, description = "ADMIN | SECURITY_OFFICER | SYSTEM_ADMIN | VENDOR | AUDITOR") String role;
        @Option(names = "--org", paramLabel = "CODE", description = "団体コード (ADMIN 以外は必須) / organisation code (all roles but ADMIN)") String org;
        @Option(names = "--system", paramLabel = "CODE", description = "担当システム (SYSTEM_ADMIN, 複数可) / assigned system (repeatable)") List<String> systems = new ArrayList<>();
        @Option(names = "--vendor", paramLabel = "NAME", description = "事業者名 (VENDOR) / vendor name") String vendor;
        @Option(names = "--ciso", description = "統括情報セキュリティ責任者 (SECURITY_OFFICER) / the organisation's CISO") boolean ciso;
        @Option(names = "--display-name", description = "表示名 / display name") String displayName;
        private Role parsedRole;

        @Override
        void check() {
            parsedRole = badInput(() -> Role.parse(role));
        }

        @Override
        Integer run(Mamori mamori) {
            UserStore users = users(mamori);
            Long orgId = OrgOption.idOf(mamori.inventory(), org);
            UserStore.Created created = badInput(() -> {
                if (orgId == null && !systems.isEmpty()) throw new AccountException("--system には --org が必要です / --system needs --org");
                Set<Long> systemIds = systems.isEmpty() ? Set.of() : users.systemIds(orgId, systems);
                return users.create(new UserStore.NewUser(username, displayName, parsedRole, orgId, systemIds, vendor, ciso), actor());
            });
            UserAccount u = created.user();
            System.out.println("アカウントを作成しました / created user " + u.username() + " (" + u.role() + ")");
            System.out.println("ワンタイムパスワード / one-time password: " + created.oneTimePassword());
            System.out.println("初回サインインで変更が必要です。この表示は一度だけです。 / It must be changed at the first sign-in and is shown only once.");
            if (u.role().totpRequired()) {
                System.out.println("この役割は二要素認証(TOTP)が必須です。初回サインインで設定します。 / This role must set up TOTP at the first sign-in.");
            }
            return ExitCode.OK;
        }
    }

    /** The accounts as read, with the organisation codes they are shown by and the moment "locked" is judged at. */
    record AccountList(List<UserAccount> users, Map<Long, String> orgCodes, Instant now) { }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "アカウントの一覧 / list accounts")
    static class ListUsers extends InstanceReport<AccountList> {
        @Option(names = "--org", paramLabel = "CODE", description = "この団体のみ / only this organisation") String org;

        @Override
        AccountList read(Mamori mamori) {
            InventoryRepository inv = mamori.inventory();
            List<UserAccount> list = users(mamori).list(OrgOption.idOf(inv, org));
            Map<Long, String> orgCodes = new HashMap<>();
            inv.listOrganizations().forEach(o -> orgCodes.put(o.id(), o.code()));
            return new AccountList(list, orgCodes, Instant.now());
        }

        @Override
        Object json(AccountList a) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (UserAccount u : a.users()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("username", u.username());
                m.put("displayName", u.displayName());
                m.put("role", u.role().name());
                m.put("organization", u.organizationId() == null ? null : a.orgCodes().get(u.organizationId()));
                m.put("enabled", u.enabled());
                m.put("locked", u.lockedAt(a.now()));
                m.put("totp", u.totpEnabled());
                m.put("mustChangePassword", u.mustChangePassword());
                m.put("ciso", u.ciso());
                m.put("vendor", u.vendorName());
                m.put("systemIds", u.systemIds());
                m.put("lastLoginAt", jp.mamori.app.TokyoTime.iso(u.lastLoginAt()));
                out.add(m);
            }
            return out;
        }

        @Override
        void print(Mamori mamori, AccountList a) {
            TextTable t = new TextTable("ユーザー名", "役割", "団体", "状態", "二要素", "最終サインイン", "範囲");
            for (UserAccount u : a.users()) {
                String state = !u.enabled() ? "無効 disabled" : u.lockedAt(a.now()) ? "ロック中 locked" : u.mustChangePassword() ? "初回 first sign-in" : "有効 enabled";
                String scope = u.vendorName() != null ? "vendor=" + u.vendorName() : !u.systemIds().isEmpty() ? "systems=" + u.systemIds()
                        : u.ciso() ? "CISO" : "";
                t.row(u.username(), u.role().name(), u.organizationId() == null ? "(全体 instance)" : a.orgCodes().get(u.organizationId()),
                        state, u.totpEnabled() ? "TOTP" : "", jp.mamori.app.TokyoTime.table(u.lastLoginAt()), scope);
            }
            System.out.print(t);
        }
    }

    /** A change to one account: the store's refusal is the user's input (exit 2); what was done is printed. */
    abstract static class OnUser extends InstanceCommand {
        @Parameters(paramLabel = "USERNAME") String username;

        abstract String run(UserStore users);

        @Override
        final Integer run(Mamori mamori) {
            UserStore users = users(mamori);
            System.out.println(badInput(() -> run(users)));
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "アカウントを無効にします（セッションとAPIトークンも即時無効） / disable an account (its sessions and tokens stop at once)")
    static class Disable extends OnUser {
        @Override
        String run(UserStore users) {
            users.disable(username, actor());
            return "無効にしました / disabled " + UserStore.normalizeUsername(username);
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "ロックを解除します / unlock an account locked by failed sign-ins")
    static class Unlock extends OnUser {
        @Override
        String run(UserStore users) {
            users.unlock(username, actor());
            return "ロックを解除しました / unlocked " + UserStore.normalizeUsername(username);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "新しいワンタイムパスワードを発行します / issue a new one-time password")
    static class ResetPassword extends OnUser {
        @Override
        String run(UserStore users) {
            String otp = users.resetPassword(username, actor());
            return "ワンタイムパスワード / one-time password: " + otp + "\n初回サインインで変更が必要です。この表示は一度だけです。 / It must be changed at the next sign-in and is shown only once.";
        }
    }

    @Command(name = "reset-totp", mixinStandardHelpOptions = true, description = "二要素認証を解除します（端末紛失時） / remove the TOTP second factor (lost device)")
    static class ResetTotp extends OnUser {
        @Override
        String run(UserStore users) {
            users.resetTotp(username, actor());
            return "二要素認証を解除しました / TOTP removed for " + UserStore.normalizeUsername(username);
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = {"APIトークンの管理", "API tokens."},
            subcommands = {Token.CreateToken.class, Token.ListTokens.class, Token.RevokeToken.class})
    static class Token {

        @Command(name = "create", mixinStandardHelpOptions = true, description = "APIトークンを発行し、一度だけ表示します / issue an API token, shown once")
        static class CreateToken extends InstanceCommand {
            @Parameters(paramLabel = "USERNAME") String username;
            @Option(names = "--name", required = true, description = "用途 / what it is for") String name;
            @Option(names = "--days", defaultValue = "90", description = "有効日数 1-365 / valid for this many days (default: ${DEFAULT-VALUE})") int days;
            @Option(names = "--scope", paramLabel = "read|write", description = "read (既定) | write (repeatable)") List<String> scopes = new ArrayList<>();

            @Override
            Integer run(Mamori mamori) {
                ApiTokenStore.Issued issued = badInput(() -> tokens(mamori).issue(users(mamori).require(username), name, scopes, days, actor()));
                ApiToken t = issued.token();
                System.out.println("APIトークンを発行しました / issued token " + t.id() + " (" + t.name() + ", " + String.join(",", t.scopes())
                        + ", expires " + jp.mamori.app.TokyoTime.table(t.expiresAt()) + ")");
                System.out.println(issued.secret());
                System.out.println("この表示は一度だけです。Authorization: Bearer <token> で使用します。 / Shown only once; use as Authorization: Bearer <token>.");
                return ExitCode.OK;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "APIトークンの一覧 / list API tokens")
        static class ListTokens extends InstanceCommand {
            @Parameters(paramLabel = "USERNAME", arity = "0..1", description = "このユーザーのみ / only this user's") String username;

            @Override
            Integer run(Mamori mamori) {
                Long userId = username == null ? null : badInput(() -> users(mamori).require(username)).id();
                List<ApiToken> list = tokens(mamori).list(userId);
                Instant now = Instant.now();
                TextTable t = new TextTable("ID", "ユーザー", "名前", "先頭", "範囲", "状態", "期限", "最終使用");
                list.forEach(k -> t.row(k.id(), k.username(), k.name(), k.prefix() + "…", String.join(",", k.scopes()),
                        k.status(now).name().toLowerCase(java.util.Locale.ROOT), jp.mamori.app.TokyoTime.table(k.expiresAt()), jp.mamori.app.TokyoTime.table(k.lastUsedAt())));
                System.out.print(t);
                return ExitCode.OK;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "APIトークンを失効させます / revoke an API token")
        static class RevokeToken extends InstanceCommand {
            @Parameters(paramLabel = "ID") long id;

            @Override
            Integer run(Mamori mamori) {
                ApiTokenStore tokens = tokens(mamori);
                ApiToken t = tokens.find(id).orElseThrow(() -> new BadInputException("トークンが見つかりません / no token " + id));
                Long org = users(mamori).findById(t.userId()).map(UserAccount::organizationId).orElse(null);
                boolean changed = tokens.revoke(id, actor(), org);
                System.out.println(changed ? "失効させました / revoked token " + id : "既に失効しています / token " + id + " was already revoked");
                return ExitCode.OK;
            }
        }
    }
}
