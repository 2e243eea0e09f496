package jp.mamori.web.users;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.web.inventory.ScopedInventory;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 利用者と役割: the accounts of the organisation with their role and scope, read by the
 * administrator, the organisation's security officers and auditors. Accounts are created and
 * changed with {@code mamori user ...} (see the README).
 */
@Controller
@PageController
public class UsersController {

    private final UserStore users;
    private final Tenancy tenancy;
    private final ScopedInventory inventory;
    private final Fmt fmt;

    public UsersController(UserStore users, Tenancy tenancy, ScopedInventory inventory, Fmt fmt) {
        this.users = users;
        this.tenancy = tenancy;
        this.inventory = inventory;
        this.fmt = fmt;
    }

    @GetMapping("/users")
    public String page(AccessScope scope, HttpServletRequest request, Model model) {
        Access.require(scope, Access.canReadUsers(scope), "users");
        Organization org = tenancy.current(scope, request).orElse(null);
        model.addAttribute("users", accounts(scope, org));
        model.addAttribute("systemsById", org == null ? Map.of() : inventory.systemsById(org.id()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", users.clock().instant());
        return "users/list";
    }

    @GetMapping("/api/v1/users")
    @ResponseBody
    public List<User> api(AccessScope scope, HttpServletRequest request) {
        Access.require(scope, Access.canReadUsers(scope), "users");
        Organization org = tenancy.current(scope, request).orElse(null);
        Map<Long, ItSystem> systems = org == null ? Map.of() : inventory.systemsById(org.id());
        List<User> out = new ArrayList<>();
        for (UserAccount u : accounts(scope, org)) {
            out.add(new User(u.username(), u.displayName(), u.role().name(), u.organizationId(), u.enabled(), u.lockedAt(users.clock().instant()),
                    u.totpEnabled(), u.ciso(), u.vendorName(),
                    u.systemIds().stream().map(id -> systems.containsKey(id) ? systems.get(id).code() : String.valueOf(id)).toList(),
                    u.lastLoginAt() == null ? null : u.lastLoginAt().toString()));
        }
        return out;
    }

    /** An account as {@code GET /api/v1/users} lists it: its systems by code (by id when the system is not in this organisation). */
    @JsonPropertyOrder({"username", "displayName", "role", "organizationId", "enabled", "locked", "totpEnabled", "ciso", "vendor", "systems",
            "lastLoginAt"})
    public record User(String username, String displayName, String role, Long organizationId, boolean enabled, boolean locked,
                       boolean totpEnabled, boolean ciso, String vendor, List<String> systems, String lastLoginAt) { }

    /** The organisation's accounts; the administrator also sees the instance administrators. */
    private List<UserAccount> accounts(AccessScope scope, Organization org) {
        List<UserAccount> out = new ArrayList<>();
        if (scope.instanceWide()) out.addAll(users.list(null).stream().filter(u -> u.organizationId() == null).toList());
        if (org != null) out.addAll(users.list(org.id()).stream().filter(u -> u.organizationId() != null && u.organizationId() == org.id()).toList());
        return out;
    }
}
