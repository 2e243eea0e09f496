package jp.mamori.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.security.CurrentUser;
import jp.mamori.security.MamoriAuthentication;
import jp.mamori.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every page's header and navigation need: who is signed in, the organisation, which sections they may open. */
@ControllerAdvice(annotations = PageController.class)
public class LayoutModel {

    private final Tenancy tenancy;

    public LayoutModel(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @ModelAttribute
    public void layout(HttpServletRequest request, Model model) {
        MamoriAuthentication me = CurrentUser.authentication().orElse(null);
        if (me == null) return;
        AccessScope scope = me.scope();
        model.addAttribute("me", me);
        model.addAttribute("role", scope.role().name());
        List<Organization> orgs = tenancy.visible(scope);
        model.addAttribute("orgs", orgs);
        model.addAttribute("org", tenancy.current(scope, request).orElse(null));
        model.addAttribute("chooser", scope.instanceWide());
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("navSystems", scope.role() != Role.VENDOR);
        model.addAttribute("navUsers", Access.canReadUsers(scope));
        model.addAttribute("navPrefecture", scope.prefectureOperator());
        model.addAttribute("navGrants", scope.role() == Role.ADMIN || scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.AUDITOR);
        model.addAttribute("navOrganizations", scope.instanceWide());
        model.addAttribute("navAudit", scope.canReadAudit());
        model.addAttribute("navPartners", scope.role() != Role.SYSTEM_ADMIN);
        model.addAttribute("navContact", scope.role() != Role.VENDOR);
        // detections name staff accounts and addresses: the organisation's readers only (DetectionWeb)
        model.addAttribute("navDetection", scope.role() == Role.ADMIN || scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.AUDITOR);
    }
}
