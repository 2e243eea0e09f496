package jp.mamori.web.support;

import jp.mamori.security.AccessScope;
import jp.mamori.security.OutOfScopeException;
import jp.mamori.security.Role;

/** Capability checks of the web layer on top of {@link AccessScope} (violations answer 404). */
public final class Access {
    private Access() { }

    /** The account list of an organisation: the administrator, its security officers and auditors. */
    public static boolean canReadUsers(AccessScope scope) {
        return scope.role() == Role.ADMIN || scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.AUDITOR;
    }

    public static void require(AccessScope scope, boolean allowed, String what) {
        if (!allowed) throw new OutOfScopeException(scope.username() + " may not access " + what);
    }
}
