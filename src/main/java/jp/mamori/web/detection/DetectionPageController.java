package jp.mamori.web.detection;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.export.TimelineWorkbook;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.detection.store.DetectionStore.IncidentState;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 検知 (what the rules found in the gateway's and the proxy's logs) and インシデント (detections of
 * one user correlated): lists, the incident with its timeline, evidence lines, affected users,
 * sessions, addresses, assets and findings, the post-compromise checklist, its audit entries and
 * the state change; the timeline as .xlsx and CSV.
 */
@Controller
@PageController
public class DetectionPageController {

    private final DetectionWeb web;

    public DetectionPageController(DetectionWeb web) {
        this.web = web;
    }

    static Instant since(String since) {
        if (since == null || since.isBlank()) return null;
        try {
            return LocalDate.parse(since.strip()).atStartOfDay(DetectionViews.TOKYO).toInstant();
        } catch (DateTimeException e) {
            throw new BadRequestException("日付は YYYY-MM-DD で指定してください / since must be YYYY-MM-DD");
        }
    }

    @GetMapping("/detections")
    public String detections(@RequestParam(required = false) String since, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReader(scope, request);
        List<DetectionRow> rows = web.mamori().detections().detections(o.id(), since(since), DetectionWeb.LIST_LIMIT);
        model.addAttribute("rows", rows);
        model.addAttribute("since", since == null ? "" : since.strip());
        model.addAttribute("limit", DetectionWeb.LIST_LIMIT);
        return "detection/list";
    }

    @GetMapping("/detections/{id}")
    public String detection(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request, Model model) {
        DetectionRow d = web.detection(scope, request, Tenancy.parseId(id));
        model.addAttribute("d", d);
        return "detection/detail";
    }

    @GetMapping("/incidents")
    public String incidents(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReader(scope, request);
        List<IncidentRow> rows = web.mamori().detections().incidents(o.id());
        model.addAttribute("rows", rows);
        model.addAttribute("open", rows.stream().filter(r -> r.state() == IncidentState.OPEN).count());
        return "incidents/list";
    }

    @GetMapping("/incidents/{id}")
    public String incident(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request, Model model) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        long org = web.incidentOrg(scope, request, iid);
        model.addAttribute("p", IncidentPage.load(web, org, r));
        model.addAttribute("i", r);
        model.addAttribute("states", IncidentState.values());
        model.addAttribute("mayChange", web.mayChange(scope, org));
        return "incidents/detail";
    }

    @PostMapping("/incidents/{id}/state")
    public String state(@PathVariable("id") String id, @RequestParam(required = false) String state, @RequestParam(required = false) String note,
                        AccessScope scope, HttpServletRequest request, RedirectAttributes redirect) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        long org = web.incidentOrg(scope, request, iid);
        web.requireOfficer(scope, org);
        IncidentState to;
        try {
            to = IncidentState.fromKey(state);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/incidents/" + r.id();
        }
        IncidentState from = web.mamori().changeIncidentState().run(web.actor(scope, false), org, r.id(), to.key(), note);
        redirect.addFlashAttribute("done", "状態を「" + from.ja() + "」から「" + to.ja() + "」に変更しました / state changed from "
                + from.key() + " to " + to.key());
        return "redirect:/incidents/" + r.id();
    }

    @GetMapping("/incidents/{id}/timeline.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        byte[] bytes = TimelineWorkbook.xlsx(r, web.timeline(web.incidentOrg(scope, request, iid), iid));
        return download(bytes, "incident-" + iid + "-timeline.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/incidents/{id}/timeline.csv")
    public ResponseEntity<byte[]> csv(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request) {
        long iid = Tenancy.parseId(id);
        web.incident(scope, request, iid);
        byte[] bytes = TimelineWorkbook.csv(web.timeline(web.incidentOrg(scope, request, iid), iid));
        return download(bytes, "incident-" + iid + "-timeline.csv", "text/csv;charset=UTF-8");
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
