package jp.mamori.app;

import java.util.Locale;

/**
 * Who performs a user action, as the audit trail records it: the name the action is attributed
 * to, the front end it came through, and — for the command line — the operating-system account
 * that ran it, which is recorded beside a claimed {@code --by} name so that a claim is never
 * the only trace.
 *
 * @param name       the person the action is attributed to (signed-in user, {@code --by}, or the OS account)
 * @param channel    {@code web}, {@code api}, {@code cli}, {@code demo} or {@code system}
 * @param osAccount  the operating-system account (CLI only), else null
 * @param securityOfficer whether the actor may confirm what only a security officer confirms
 */
public record Actor(String name, String channel, String osAccount, boolean securityOfficer) {

    public Actor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("actor name is required");
        name = name.strip();
        channel = channel == null ? "system" : channel.toLowerCase(Locale.ROOT);
    }

    /** A signed-in user of the web UI or the API. */
    public static Actor web(String username, boolean api, boolean securityOfficer) {
        return new Actor(username, api ? "api" : "web", null, securityOfficer);
    }

    /**
     * The command line: the claimed name ({@code --by}, else {@code MAMORI_USER}) or the OS
     * account. Whoever can run the CLI on the server holds the database itself, so the CLI acts
     * with the security officer's authority; what it claims is recorded next to who it was.
     */
    public static Actor cli(String claimed, String osAccount) {
        String os = osAccount == null || osAccount.isBlank() ? "unknown" : osAccount.strip();
        String name = claimed == null || claimed.isBlank() ? os : claimed.strip();
        return new Actor(name, "cli", os, true);
    }

    /**
     * {@code mamori demo}'s own actions (its organisation, SBOMs, the gateway decision, the partners'
     * records): attributed to the named demo actor, never to a demo user who has not signed in, with the
     * operating-system account that ran the demo beside it.
     */
    public static Actor demo(String name, String osAccount) {
        return new Actor(name, "demo", osAccount == null || osAccount.isBlank() ? "unknown" : osAccount.strip(), true);
    }

    /** Mamori's own scheduled or follow-up work. */
    public static Actor system(String what) {
        return new Actor(what, "system", null, true);
    }

    /** The actor column of an audit entry. */
    public String auditName() {
        return name;
    }

    /** What the audit detail says about the channel: {@code via=cli os=tanaka}. */
    public String auditVia() {
        return "via=" + channel + (osAccount == null ? "" : " os=" + osAccount);
    }
}
