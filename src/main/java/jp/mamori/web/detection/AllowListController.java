package jp.mamori.web.detection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.store.DetectionStore.AllowRow;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 検知の許可リスト (issue 15 configuration): the organisation's own egress, carrier NAT pools, trusted
 * reverse proxies, sanctioned services and added online-storage domains, which the rules read on
 * every import. Read by whoever reads detections (the entries are the organisation's network
 * layout); added and removed by the security officer and the administrator through the same use
 * case as {@code mamori detection allow add|remove}, which checks the value and writes the audit
 * entry. An entry of another organisation is not found (404).
 */
@Controller
@PageController
public class AllowListController {

    private final DetectionWeb web;

    public AllowListController(DetectionWeb web) {
        this.web = web;
    }

    @GetMapping("/detection/allow")
    public String page(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReader(scope, request);
        return render(model, scope, o, null, Map.of());
    }

    @PostMapping("/detection/allow")
    public String add(@RequestParam(name = "kind", required = false) String kind, @RequestParam(name = "value", required = false) String value,
                      @RequestParam(name = "note", required = false) String note, AccessScope scope, HttpServletRequest request,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Organization o = writable(scope, request);
        try {
            int n = web.mamori().detectionLists().addAllow(web.actor(scope, false), o.id(), kind, value, note);
            AllowEntry e = new AllowEntry(AllowKind.fromKey(kind), value, note);
            redirect.addFlashAttribute("done", n == 0
                    ? "すでに登録されています / already listed: " + e.kind().key() + " " + e.value()
                    : "許可リストに追加しました / added to the allow-list: " + e.kind().key() + " " + e.value());
            return "redirect:/detection/allow";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> echo = new LinkedHashMap<>();
            echo.put("kind", kind);
            echo.put("value", value);
            echo.put("note", note);
            return render(model, scope, o, e.getMessage(), echo);
        }
    }

    @PostMapping("/detection/allow/{id}/remove")
    public String remove(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request, RedirectAttributes redirect) {
        Organization o = writable(scope, request);
        AllowEntry e = own(o, id).entry();
        remove(scope, o, e, false);
        redirect.addFlashAttribute("done", "許可リストから削除しました / removed from the allow-list: " + e.kind().key() + " " + e.value());
        return "redirect:/detection/allow";
    }

    // ---- API: the same use case and the same objects as `mamori detection allow list --format json`

    /** {@code {"kind": "egress", "value": "192.0.2.0/24", "note": "..."}}. */
    public record EntryJson(String kind, String value, String note) { }

    @GetMapping("/api/v1/detection/allow")
    @ResponseBody
    public List<DetectionViews.Allow> apiList(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        return web.mamori().detections().allowRows(o.id()).stream().map(DetectionViews::allow).toList();
    }

    @PostMapping("/api/v1/detection/allow")
    @ResponseBody
    public ResponseEntity<DetectionViews.Allow> apiAdd(@RequestBody(required = false) EntryJson in, AccessScope scope, HttpServletRequest request) {
        Organization o = writable(scope, request);
        if (in == null) throw new BadRequestException("内容がありません / send {\"kind\": …, \"value\": …}");
        int n;
        try {
            n = web.mamori().detectionLists().addAllow(web.actor(scope, true), o.id(), in.kind(), in.value(), in.note());
        } catch (InvalidInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        AllowEntry e = new AllowEntry(AllowKind.fromKey(in.kind()), in.value(), null);
        AllowRow row = web.mamori().detections().allowRows(o.id()).stream()
                .filter(r -> r.entry().kind() == e.kind() && r.entry().value().equals(e.value())).findFirst().orElseThrow();
        return ResponseEntity.status(n == 0 ? HttpStatus.OK : HttpStatus.CREATED).body(DetectionViews.allow(row));
    }

    @PostMapping("/api/v1/detection/allow/{id}/remove")
    @ResponseBody
    public Removed apiRemove(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request) {
        Organization o = writable(scope, request);
        AllowRow r = own(o, id);
        remove(scope, o, r.entry(), true);
        return Removed.of(DetectionViews.allow(r));
    }

    /** The entry removed, with {@code "removed": true}. */
    @JsonPropertyOrder({"id", "kind", "value", "note", "addedBy", "addedAt", "removed"})
    public record Removed(long id, String kind, String value, String note, String addedBy, String addedAt, boolean removed) {
        static Removed of(DetectionViews.Allow a) {
            return new Removed(a.id(), a.kind(), a.value(), a.note(), a.addedBy(), a.addedAt(), true);
        }
    }

    // ---- helpers

    /** The security officer and the administrator; an auditor is refused (403), anyone else finds nothing (404). */
    private Organization writable(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        web.requireOfficer(scope, o.id());
        return o;
    }

    /** Removed meanwhile by someone else: the use case refuses, the page says so. */
    private void remove(AccessScope scope, Organization o, AllowEntry e, boolean api) {
        try {
            web.mamori().detectionLists().removeAllow(web.actor(scope, api), o.id(), e.kind().key(), e.value());
        } catch (InvalidInputException ex) {
            throw new BadRequestException(ex.getMessage(), ex);
        }
    }

    /** An entry of this organisation; another organisation's id reads as absent. */
    private AllowRow own(Organization o, long id) {
        return web.mamori().detections().allowRows(o.id()).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("no such allow-list entry"));
    }

    private String render(Model model, AccessScope scope, Organization o, String problem, Map<String, String> echo) {
        model.addAttribute("organization", o);
        model.addAttribute("rows", web.mamori().detections().allowRows(o.id()));
        model.addAttribute("kinds", AllowKind.values());
        model.addAttribute("mayChange", web.mayChange(scope, o.id()));
        model.addAttribute("problem", problem);
        model.addAttribute("f", echo);
        return "detection/allow";
    }
}
