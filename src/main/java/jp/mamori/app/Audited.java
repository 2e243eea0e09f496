package jp.mamori.app;

import java.sql.Connection;
import jp.mamori.audit.AuditLog;

/** Writes a use case's audit entry inside the transaction of the change it records. */
public final class Audited {
    private Audited() { }

    /** Action names as stored in the audit trail ({@code area.verb}). */
    public static final String ORG_CREATED = "organization.created";
    /** An organisation's intake settings (SBOM strictness, issue 13). */
    public static final String ORG_SETTINGS_CHANGED = "organization.settings_changed";
    /** A person confirmed (or corrected) an identifier Mamori suggested for a vendor-table row (issue 13). */
    public static final String IDENTIFIER_CONFIRMED = "sbom.identifier_confirmed";
    /** A person rejected an identifier Mamori suggested: the rows of that supplier/name get none (issue 13). */
    public static final String IDENTIFIER_REJECTED = "sbom.identifier_rejected";
    public static final String SYSTEM_CREATED = "system.created";
    public static final String ASSET_CREATED = "asset.created";
    public static final String LEDGER_IMPORTED = "inventory.imported";
    public static final String SBOM_ADDED = "sbom.added";
    public static final String SBOM_HELD = "sbom.held_for_review";
    public static final String SBOM_CONFIRMED = "sbom.review_confirmed";
    public static final String FEEDS_IMPORTED = "feeds.imported";
    public static final String FEEDS_SYNCED = "feeds.synced";
    public static final String FINDING_DECIDED = "finding.decided";
    /** A risk acceptance naming another person as approver, waiting for them (issue 18.5). */
    public static final String ACCEPTANCE_REQUESTED = "finding.acceptance_requested";
    /** The named security officer approved it: their own action, audited as theirs. */
    public static final String ACCEPTANCE_APPROVED = "finding.acceptance_approved";
    public static final String FINDING_OVERRIDDEN = "finding.ssvc_overridden";
    public static final String MITIGATION_UPDATED = "finding.mitigation_updated";
    public static final String MITIGATIONS_SUGGESTED = "finding.mitigations_recorded";
    public static final String DAILY_RUN = "remediation.daily_run";
    public static final String JOB_QUEUED = "job.queued";
    public static final String PREFECTURE_MEMBER_ADDED = "prefecture.member_added";
    public static final String PREFECTURE_GRANTED = "prefecture.access_granted";
    public static final String PREFECTURE_REVOKED = "prefecture.access_revoked";
    public static final String PREFECTURE_DETAILS_READ = "prefecture.details_read";
    public static final String VENDOR_SAVED = "vendor.saved";
    public static final String VENDOR_NDA = "vendor.nda_recorded";
    public static final String PARTNERS_IMPORTED = "vendor.partners_imported";
    public static final String CONTRACT_SAVED = "contract.saved";
    public static final String CONTRACT_DOCUMENT = "contract.document_attached";
    public static final String CHECKLIST_ANSWERED = "contract.checklist_answered";
    public static final String CHECKLIST_PROPOSED = "contract.checklist_proposed";
    public static final String CHECKLIST_APPROVED = "contract.checklist_approved";
    public static final String CONFIG_SHARED = "partner.configuration_shared";
    public static final String ROLE_ASSIGNED = "roles.assigned";
    /** One cell of a system's own role matrix set (where the system differs from the organisation's). */
    public static final String SYSTEM_ROLE_ASSIGNED = "roles.system_assigned";
    /** A system's own cell removed: the organisation's cell applies to the system again. */
    public static final String SYSTEM_ROLE_CLEARED = "roles.system_cleared";
    public static final String DRILL_RECORDED = "roles.drill_recorded";
    public static final String READINESS_ISSUED = "readiness.issued";
    public static final String LOGS_IMPORTED = "logs.imported";
    /** Detections stored by the Kafka Streams runner ({@code mamori logs stream}). */
    public static final String LOGS_STREAMED = "logs.streamed";
    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String INCIDENT_STATE_CHANGED = "incident.state_changed";
    public static final String DETECTION_ALLOW_ADDED = "detection.allow_added";
    public static final String DETECTION_ALLOW_REMOVED = "detection.allow_removed";
    /** An organisation's own detection thresholds and windows changed (or set back to the policy file's). */
    public static final String DETECTION_POLICY_CHANGED = "detection.policy_changed";
    public static final String DETECTION_DESKTOPS_IMPORTED = "detection.desktops_imported";

    /** Records an entry in the caller's transaction. */
    public static void record(Mamori m, Connection c, Actor actor, Long orgId, String action, String target, String detail) {
        append(m.audit(), c, actor, orgId, action, target, detail);
    }

    /** Records an entry in a transaction of its own (for actions whose change committed in parts). */
    public static void record(Mamori m, Actor actor, Long orgId, String action, String target, String detail) {
        append(m.audit(), actor, orgId, action, target, detail);
    }

    static void append(AuditLog log, Connection c, Actor actor, Long orgId, String action, String target, String detail) {
        log.append(c, new AuditLog.Entry(actor.auditName(), orgId, action, target, actor.auditVia() + (detail == null || detail.isEmpty() ? "" : " " + detail)));
    }

    static void append(AuditLog log, Actor actor, Long orgId, String action, String target, String detail) {
        log.append(new AuditLog.Entry(actor.auditName(), orgId, action, target, actor.auditVia() + (detail == null || detail.isEmpty() ? "" : " " + detail)));
    }
}
