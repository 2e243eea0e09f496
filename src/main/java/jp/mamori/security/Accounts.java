package jp.mamori.security;

import jp.mamori.app.Mamori;

/**
 * The security edge's stores — accounts and API tokens — built once over a {@link Mamori} and
 * kept there, so that the command line, the demo and the server all use the same ones and none of
 * them constructs a store itself (issue 11, ADR 0008). Plain Java: the Spring beans expose these.
 */
public final class Accounts {

    private final UserStore users;
    private final ApiTokenStore tokens;
    private final SecretBox secrets;
    private final CreateTenant createTenant;

    private Accounts(Mamori mamori, SecretBox secrets) {
        this.secrets = secrets;
        this.users = new UserStore(mamori.database().dataSource(), mamori.audit(), secrets);
        this.tokens = new ApiTokenStore(mamori.database().dataSource(), mamori.audit());
        this.createTenant = new CreateTenant(mamori, users);
    }

    /**
     * The command line's: no TOTP secret is read or written there, so no key file is created by
     * an account command (the server creates it on its first start).
     */
    public static Accounts of(Mamori mamori) {
        return mamori.edgePart(Accounts.class, m -> new Accounts(m, null));
    }

    /** The server's: TOTP seeds are sealed with {@code secrets}. */
    public static Accounts withSecrets(Mamori mamori, SecretBox secrets) {
        Accounts accounts = mamori.edgePart(Accounts.class, m -> new Accounts(m, secrets));
        // one Mamori, one set of stores: a second key would leave some seeds unreadable
        if (accounts.secrets != secrets) throw new IllegalStateException("the accounts of this Mamori were built with another secret key");
        return accounts;
    }

    public UserStore users() {
        return users;
    }

    public ApiTokenStore tokens() {
        return tokens;
    }

    /** An organisation and its first security officer, in one unit of work. */
    public CreateTenant createTenant() {
        return createTenant;
    }
}
