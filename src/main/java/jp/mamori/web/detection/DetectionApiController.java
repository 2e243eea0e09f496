package jp.mamori.web.detection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.export.TimelineWorkbook;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.detection.store.DetectionStore.IncidentState;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.Tenancy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/detections} and {@code /api/v1/incidents}: the same JSON as
 * {@code mamori detections list --format json} and {@code mamori incidents list|show --format json}
 * (issue 15 contract), the state change, and the timeline export.
 */
@RestController
public class DetectionApiController {

    private final DetectionWeb web;

    public DetectionApiController(DetectionWeb web) {
        this.web = web;
    }

    @GetMapping("/api/v1/detections")
    public List<DetectionViews.Detection> detections(@RequestParam(required = false) String since, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        return web.mamori().detections().detections(o.id(), DetectionPageController.since(since), DetectionWeb.LIST_LIMIT).stream()
                .map(DetectionViews::detection).toList();
    }

    @GetMapping("/api/v1/detections/{id}")
    public DetectionViews.Detection detection(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request) {
        return DetectionViews.detection(web.detection(scope, request, Tenancy.parseId(id)));
    }

    @GetMapping("/api/v1/incidents")
    public List<DetectionViews.Incident> incidents(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        return web.mamori().detections().incidents(o.id()).stream().map(DetectionViews::incident).toList();
    }

    @GetMapping("/api/v1/incidents/{id}")
    public IncidentPage.Json incident(@PathVariable("id") String id, AccessScope scope, HttpServletRequest request) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        return IncidentPage.load(web, web.incidentOrg(scope, request, iid), r).json();
    }

    /** {@code {"state": "contained", "note": "..."}}. */
    public record StateJson(String state, String note) { }

    /** An incident's state change: from and to. */
    @JsonPropertyOrder({"id", "from", "to"})
    public record StateChanged(long id, String from, String to) { }

    @PostMapping("/api/v1/incidents/{id}/state")
    public StateChanged state(@PathVariable("id") String id, @RequestBody(required = false) StateJson body, AccessScope scope,
                                     HttpServletRequest request) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        long org = web.incidentOrg(scope, request, iid);
        web.requireOfficer(scope, org);
        if (body == null || body.state() == null) throw new BadRequestException("状態を指定してください / send {\"state\": \"open|contained|closed\"}");
        IncidentState to = IncidentState.fromKey(body.state());
        IncidentState from = web.mamori().changeIncidentState().run(web.actor(scope, true), org, r.id(), to.key(), body.note());
        return new StateChanged(r.id(), from.key(), to.key());
    }

    @GetMapping("/api/v1/incidents/{id}/timeline")
    public ResponseEntity<byte[]> timeline(@PathVariable("id") String id, @RequestParam(defaultValue = "xlsx") String format, AccessScope scope,
                                           HttpServletRequest request) {
        long iid = Tenancy.parseId(id);
        IncidentRow r = web.incident(scope, request, iid);
        List<DetectionRow> tl = web.timeline(web.incidentOrg(scope, request, iid), iid);
        return switch (format) {
            case "xlsx" -> DetectionPageController.download(TimelineWorkbook.xlsx(r, tl), "incident-" + iid + "-timeline.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "csv" -> DetectionPageController.download(TimelineWorkbook.csv(tl), "incident-" + iid + "-timeline.csv", "text/csv;charset=UTF-8");
            default -> throw new BadRequestException("format は xlsx か csv / format must be xlsx or csv");
        };
    }
}
