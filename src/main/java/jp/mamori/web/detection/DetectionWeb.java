package jp.mamori.web.detection;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.support.ForbiddenException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Component;

/**
 * Who may see and change detections and incidents. Detections name staff accounts, their home
 * addresses and what they uploaded, and an incident concerns the whole organisation: they are read
 * by the organisation's readers (administrator, security officer, auditor) and changed (state) by
 * the security officer and the administrator. A system administrator, vendor or prefecture
 * operator finds nothing (404, as for another tenant's id); an auditor's change is refused (403).
 */
@Component
public class DetectionWeb {

    /** The same default size as {@code mamori detections list}, so that the counts agree. */
    public static final int LIST_LIMIT = 500;

    private final Mamori mamori;
    private final Tenancy tenancy;

    public DetectionWeb(Mamori mamori, Tenancy tenancy) {
        this.mamori = mamori;
        this.tenancy = tenancy;
    }

    public Mamori mamori() {
        return mamori;
    }

    public static boolean reads(AccessScope scope, long orgId) {
        return scope.canReadAllOf(orgId);
    }

    /** The organisation of the request, for a reader of detections; 404 otherwise. */
    public Organization requireReader(AccessScope scope, HttpServletRequest request) {
        Organization o = tenancy.require(scope, request);
        if (!reads(scope, o.id())) throw new NotFoundException("not found");
        return o;
    }

    /** The organisation owning an incident or detection by id: its owner for the administrator, else the caller's own. */
    private long owner(AccessScope scope, HttpServletRequest request, String table, long id) {
        if (!scope.instanceWide()) {
            Organization o = requireReader(scope, request);
            return o.id();
        }
        return tenancy.ownerOf(scope, table, id);
    }

    public IncidentRow incident(AccessScope scope, HttpServletRequest request, long id) {
        long org = owner(scope, request, "detection_incident", id);
        if (!reads(scope, org)) throw new NotFoundException("not found");
        return mamori.detections().incident(org, id).orElseThrow(() -> new NotFoundException("no such incident"));
    }

    public long incidentOrg(AccessScope scope, HttpServletRequest request, long id) {
        return owner(scope, request, "detection_incident", id);
    }

    public DetectionRow detection(AccessScope scope, HttpServletRequest request, long id) {
        long org = owner(scope, request, "detection", id);
        if (!reads(scope, org)) throw new NotFoundException("not found");
        return mamori.detections().detection(org, id).orElseThrow(() -> new NotFoundException("no such detection"));
    }

    /** Changing an incident's state: the security officer and the administrator (403 for a reader who may not). */
    public void requireOfficer(AccessScope scope, long orgId) {
        if (!scope.canWriteOrganization(orgId)) throw new ForbiddenException("read-only");
    }

    public boolean mayChange(AccessScope scope, long orgId) {
        return scope.canWriteOrganization(orgId);
    }

    public List<DetectionRow> timeline(long orgId, long incidentId) {
        return mamori.detections().timeline(orgId, incidentId);
    }

    /** The incident's own audit entries (opened, each state change), oldest first. */
    public List<AuditEvent> history(long orgId, long incidentId) {
        return mamori.audit().forTarget(orgId, "incident:" + incidentId, 200);
    }

    public Actor actor(AccessScope scope, boolean api) {
        return Actor.web(scope.username(), api, scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.ADMIN);
    }
}
