package jp.mamori.web;

import jp.mamori.security.MamoriAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Landing page after sign-in. */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home(MamoriAuthentication me, Model model) {
        model.addAttribute("user", me.username());
        model.addAttribute("role", me.scope().role().ja());
        return "home";
    }
}
