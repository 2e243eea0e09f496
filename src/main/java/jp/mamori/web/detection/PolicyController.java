package jp.mamori.web.detection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.detection.ManageDetectionPolicy;
import jp.mamori.detection.rules.PolicySetting;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 検知のしきい値 (issue 15: per-organisation policy): the organisation's own upload volume and request
 * count per hour, concurrent-address window, session idle time and incident window, in place of the
 * policy file's. Read by the readers of detections, changed by the security officer and the
 * administrator through the use case of {@code mamori detection policy set}; a refused value stores
 * nothing of the form.
 */
@Controller
@PageController
public class PolicyController {

    private final DetectionWeb web;

    public PolicyController(DetectionWeb web) {
        this.web = web;
    }

    @GetMapping("/detection/policy")
    public String page(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReader(scope, request);
        return render(model, scope, o, null, null);
    }

    @PostMapping("/detection/policy")
    public String save(@RequestParam Map<String, String> form, AccessScope scope, HttpServletRequest request, HttpServletResponse response,
                       Model model, RedirectAttributes redirect) {
        Organization o = writable(scope, request);
        Map<String, String> changes = new LinkedHashMap<>();
        for (PolicySetting p : PolicySetting.values()) if (form.containsKey(p.key())) changes.put(p.key(), form.get(p.key()));
        try {
            List<String> changed = web.mamori().detectionPolicyEdits().set(web.actor(scope, false), o.id(), changes);
            redirect.addFlashAttribute("done", changed.isEmpty() ? "変更はありません / nothing changed" : "しきい値を変更しました / thresholds changed: "
                    + String.join(" ", changed));
            return "redirect:/detection/policy";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, scope, o, e.getMessage(), changes);
        }
    }

    @GetMapping("/api/v1/detection/policy")
    @ResponseBody
    public List<ManageDetectionPolicy.Setting> api(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        return ManageDetectionPolicy.json(web.mamori().detectionPolicyEdits().show(o.id()));
    }

    /** {@code {"session-idle": "30m", "incident-window": "default"}}: the settings named, the others as they are. */
    @PutMapping("/api/v1/detection/policy")
    @ResponseBody
    public List<ManageDetectionPolicy.Setting> apiSet(@RequestBody(required = false) Map<String, String> body, AccessScope scope, HttpServletRequest request) {
        Organization o = writable(scope, request);
        if (body == null || body.isEmpty()) throw new BadRequestException("内容がありません / send {\"session-idle\": \"30m\", …}");
        try {
            web.mamori().detectionPolicyEdits().set(web.actor(scope, true), o.id(), body);
        } catch (InvalidInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        return ManageDetectionPolicy.json(web.mamori().detectionPolicyEdits().show(o.id()));
    }

    private Organization writable(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        web.requireOfficer(scope, o.id());
        return o;
    }

    private String render(Model model, AccessScope scope, Organization o, String problem, Map<String, String> typed) {
        List<ManageDetectionPolicy.Row> rows = web.mamori().detectionPolicyEdits().show(o.id());
        Map<String, String> f = new LinkedHashMap<>();
        for (ManageDetectionPolicy.Row r : rows) f.put(r.setting().key(), typed != null ? typed.getOrDefault(r.setting().key(), "") : r.own() ? r.text() : "");
        model.addAttribute("organization", o);
        model.addAttribute("rows", rows);
        model.addAttribute("mayChange", web.mayChange(scope, o.id()));
        model.addAttribute("problem", problem);
        model.addAttribute("f", f);
        return "detection/policy";
    }
}
