package jp.mamori.web.support;

import jakarta.servlet.http.HttpSession;
import jp.mamori.security.AccessScope;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's organisation chooser in the page header. */
@Controller
public class OrgChooserController {

    private final Tenancy tenancy;

    public OrgChooserController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @PostMapping("/org")
    public String choose(@RequestParam("org") long org, @RequestParam(name = "back", defaultValue = "/") String back,
                         AccessScope scope, HttpSession session) {
        tenancy.choose(scope, session, org);
        return "redirect:" + safeBack(back);
    }

    /** Only a path of this site (never //host or a scheme). */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        // by-id pages belong to one organisation: go to the list instead
        String[] lists = {"/findings", "/assets", "/systems", "/sboms"};
        for (String l : lists) {
            if (back.startsWith(l + "/")) return l.equals("/sboms") ? "/assets" : l;
        }
        return back;
    }
}
