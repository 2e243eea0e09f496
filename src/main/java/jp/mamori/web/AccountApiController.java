package jp.mamori.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import jp.mamori.app.Mamori;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.web.support.OrganizationRef;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.security.AccountException;
import jp.mamori.security.ApiToken;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.MamoriAuthentication;
import jp.mamori.security.UserStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me} and the caller's own API tokens. */
@RestController
@RequestMapping("/api/v1")
public class AccountApiController {

    private final UserStore users;
    private final ApiTokenStore tokens;
    private final InventoryRepository inventory;

    public AccountApiController(UserStore users, ApiTokenStore tokens, Mamori mamori) {
        this.users = users;
        this.tokens = tokens;
        this.inventory = mamori.inventory();
    }

    /** Who is signed in, with what scope and how. */
    @JsonPropertyOrder({"username", "displayName", "role", "roleJa", "organization", "instanceWide", "ciso", "vendor", "systemIds",
            "authenticatedBy", "scopes"})
    public record Me(String username, String displayName, String role, String roleJa, OrganizationRef organization, boolean instanceWide,
                     boolean ciso, String vendor, List<Long> systemIds, String authenticatedBy, List<String> scopes) { }

    /** An API token as its owner sees it (never its secret). */
    @JsonPropertyOrder({"id", "name", "prefix", "scopes", "status", "expiresAt", "lastUsedAt", "createdAt"})
    public record Token(long id, String name, String prefix, List<String> scopes, String status, String expiresAt, String lastUsedAt,
                        String createdAt) { }

    /** A token just issued: the secret, shown this once. */
    @JsonPropertyOrder({"id", "name", "prefix", "scopes", "status", "expiresAt", "lastUsedAt", "createdAt", "token", "note"})
    public record Issued(long id, String name, String prefix, List<String> scopes, String status, String expiresAt, String lastUsedAt,
                         String createdAt, String token, String note) {
        static Issued of(Token t, String secret) {
            return new Issued(t.id(), t.name(), t.prefix(), t.scopes(), t.status(), t.expiresAt(), t.lastUsedAt(), t.createdAt(), secret,
                    "このトークンは一度だけ表示されます / this token is shown only once");
        }
    }

    /** A refused request, as {@link jp.mamori.web.support.WebErrors} writes one. */
    @JsonPropertyOrder({"error", "message"})
    public record Refused(String error, String message) { }

    @GetMapping("/me")
    public Me me(MamoriAuthentication me) {
        Long orgId = me.scope().organizationId();
        return new Me(me.username(), me.displayName(), me.scope().role().name(), me.scope().role().ja(),
                orgId == null ? null : inventory.organizationById(orgId).map(OrganizationRef::of).orElse(null),
                me.scope().instanceWide(), me.scope().ciso(), me.scope().vendorName(), new ArrayList<>(me.scope().systemIds()),
                me.via() == MamoriAuthentication.Via.TOKEN ? "token" : "session", new ArrayList<>(me.scopes()));
    }

    /** {"name": "...", "days": 90, "scopes": ["read"]}; answers the token once. Only a signed-in session can create tokens. */
    public record TokenRequest(String name, Integer days, List<String> scopes) { }

    @PostMapping("/tokens")
    public ResponseEntity<Object> create(@RequestBody TokenRequest request, MamoriAuthentication me) {
        if (me.via() != MamoriAuthentication.Via.SESSION) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Refused("forbidden", "tokens cannot create tokens"));
        }
        try {
            ApiTokenStore.Issued issued = tokens.issue(users.findById(me.userId()).orElseThrow(), request.name(), request.scopes(),
                    request.days() == null ? ApiTokenStore.DEFAULT_DAYS : request.days(), me.username());
            Issued out = Issued.of(describe(issued.token()), issued.secret());
            return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(out);
        } catch (AccountException e) {
            return ResponseEntity.badRequest().body(new Refused("bad_request", e.getMessage()));
        }
    }

    @GetMapping("/tokens")
    public List<Token> list(MamoriAuthentication me) {
        return tokens.list(me.userId()).stream().map(AccountApiController::describe).toList();
    }

    @DeleteMapping("/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable("id") long id, MamoriAuthentication me) {
        ApiToken t = tokens.find(id).orElse(null);
        if (t == null || (t.userId() != me.userId() && !me.scope().instanceWide())) return ResponseEntity.notFound().build();
        tokens.revoke(id, me.username(), users.findById(t.userId()).map(u -> u.organizationId()).orElse(null));
        return ResponseEntity.noContent().build();
    }

    private static Token describe(ApiToken t) {
        return new Token(t.id(), t.name(), t.prefix(), new ArrayList<>(t.scopes()), t.status(Instant.now()).name().toLowerCase(java.util.Locale.ROOT),
                t.expiresAt().toString(), t.lastUsedAt() == null ? null : t.lastUsedAt().toString(), t.createdAt().toString());
    }
}
