package jp.mamori.web;

import jp.mamori.app.Mamori;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.persistence.Database;
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

    @GetMapping("/me")
    public Map<String, Object> me(MamoriAuthentication me) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", me.username());
        out.put("displayName", me.displayName());
        out.put("role", me.scope().role().name());
        out.put("roleJa", me.scope().role().ja());
        Long orgId = me.scope().organizationId();
        out.put("organization", orgId == null ? null : inventory.organizationById(orgId)
                .map(o -> Map.<String, Object>of("id", o.id(), "code", o.code(), "name", o.name())).orElse(null));
        out.put("instanceWide", me.scope().instanceWide());
        out.put("ciso", me.scope().ciso());
        out.put("vendor", me.scope().vendorName());
        out.put("systemIds", new ArrayList<>(me.scope().systemIds()));
        out.put("authenticatedBy", me.via() == MamoriAuthentication.Via.TOKEN ? "token" : "session");
        out.put("scopes", new ArrayList<>(me.scopes()));
        return out;
    }

    /** {"name": "...", "days": 90, "scopes": ["read"]}; answers the token once. Only a signed-in session can create tokens. */
    public record TokenRequest(String name, Integer days, List<String> scopes) { }

    @PostMapping("/tokens")
    public ResponseEntity<Map<String, Object>> create(@RequestBody TokenRequest request, MamoriAuthentication me) {
        if (me.via() != MamoriAuthentication.Via.SESSION) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden", "message", "tokens cannot create tokens"));
        }
        try {
            ApiTokenStore.Issued issued = tokens.issue(users.findById(me.userId()).orElseThrow(), request.name(), request.scopes(),
                    request.days() == null ? ApiTokenStore.DEFAULT_DAYS : request.days(), me.username());
            Map<String, Object> out = describe(issued.token());
            out.put("token", issued.secret());
            out.put("note", "このトークンは一度だけ表示されます / this token is shown only once");
            return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(out);
        } catch (AccountException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
        }
    }

    @GetMapping("/tokens")
    public List<Map<String, Object>> list(MamoriAuthentication me) {
        return tokens.list(me.userId()).stream().map(AccountApiController::describe).toList();
    }

    @DeleteMapping("/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable("id") long id, MamoriAuthentication me) {
        ApiToken t = tokens.find(id).orElse(null);
        if (t == null || (t.userId() != me.userId() && !me.scope().instanceWide())) return ResponseEntity.notFound().build();
        tokens.revoke(id, me.username(), users.findById(t.userId()).map(u -> u.organizationId()).orElse(null));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> describe(ApiToken t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("name", t.name());
        out.put("prefix", t.prefix());
        out.put("scopes", new ArrayList<>(t.scopes()));
        out.put("status", t.status(Instant.now()).name().toLowerCase(java.util.Locale.ROOT));
        out.put("expiresAt", t.expiresAt().toString());
        out.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        out.put("createdAt", t.createdAt().toString());
        return out;
    }
}
