package jp.mamori.app.prefecture;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * The prefecture's security cloud (issue 17): which municipalities a prefecture serves, their status
 * as counts, and the grants by which a municipality lets the cloud's operators see its details —
 * recorded, audited, revocable and time-limited (at most 90 days). Least privilege: without a grant
 * in force no finding, asset, user or log detail is returned.
 */
public final class Prefecture {

    public static final int MAX_GRANT_DAYS = 90;

    private final Mamori mamori;
    private final PrefectureStatus status;

    public Prefecture(Mamori mamori) {
        this.mamori = mamori;
        this.status = new PrefectureStatus(mamori.database().dataSource());
    }

    /** The administrator (or the CLI) records that {@code prefecture} serves {@code member}. */
    public void addMember(Actor actor, String prefectureCode, String memberCode) {
        Organization pref = org(prefectureCode);
        Organization member = org(memberCode);
        if (pref.id() == member.id()) throw new InvalidInputException("団体自身は追加できません / an organisation cannot serve itself");
        if (status.serves(pref.id(), member.id())) throw new InvalidInputException(member.code() + " は既に " + pref.code() + " の参加団体です / already a member");
        mamori.database().inUnitOfWork(c -> {
            status.addMember(c, pref.id(), member.id(), mamori.clock().instant());
            Audited.record(mamori, c, actor, member.id(), Audited.PREFECTURE_MEMBER_ADDED, "organization:" + member.code(), "prefecture=" + pref.code());
            return null;
        });
    }

    /**
     * One served municipality as the operator always sees it, counts only: its dashboard's finding cards
     * ({@link PrefectureStatus.Row}), its open incidents (the dashboard's 未対応のインシデント, from the same
     * count) and its incident-readiness state — how many countermeasures of today's readiness report are
     * 要対応 (red), 要注意 (amber) and 良好 (green), as {@code mamori readiness show} counts them.
     */
    public record Overview(long organizationId, String code, String name, long actAttendBoundary, long boundaryAct, long overdue, long open,
                           long openIncidents, long readinessRed, long readinessAmber, long readinessGreen, PrefectureStatus.Grant grant) { }

    /** Counts per served municipality (what the operator always sees). */
    public List<Overview> overview(long prefectureId) {
        LocalDate today = LocalDate.now(mamori.clock().withZone(TriagePolicy.TOKYO));
        List<Overview> out = new java.util.ArrayList<>();
        for (PrefectureStatus.Row r : status.rows(prefectureId, mamori.clock().instant(), today)) {
            jp.mamori.partners.ReadinessReport ready = mamori.partners().readiness(r.organizationId(), r.code(), r.name(), today);
            out.add(new Overview(r.organizationId(), r.code(), r.name(), r.actAttendBoundary(), r.boundaryAct(), r.overdue(), r.open(),
                    mamori.detections().openIncidents(r.organizationId()), ready.count(jp.mamori.partners.Status.RED),
                    ready.count(jp.mamori.partners.Status.AMBER), ready.count(jp.mamori.partners.Status.GREEN), r.grant()));
        }
        return out;
    }

    /** The boundary findings of a municipality, only while its grant is in force; else {@link NotGrantedException}. */
    public List<PrefectureStatus.Detail> details(Actor actor, long prefectureId, long orgId) {
        if (!status.serves(prefectureId, orgId)) throw new NotGrantedException("no such municipality");
        PrefectureStatus.Grant g = status.activeGrant(prefectureId, orgId, mamori.clock().instant())
                .orElseThrow(() -> new NotGrantedException("この団体の詳細を閲覧する許可がありません / the municipality has not granted access to its details"));
        Audited.record(mamori, actor, orgId, Audited.PREFECTURE_DETAILS_READ, "organization:" + orgId, "grant=" + g.id());
        return status.boundaryFindings(orgId, 200);
    }

    /** The municipality's security officer (or the CLI) grants its prefecture's operators access to its details. */
    public PrefectureStatus.Grant grant(Actor actor, String memberCode, String prefectureCode, int days, String reason) {
        Organization pref = org(prefectureCode);
        Organization member = org(memberCode);
        if (!status.serves(pref.id(), member.id())) throw new InvalidInputException(member.code() + " は " + pref.code() + " の参加団体ではありません / not served by that prefecture");
        if (days < 1 || days > MAX_GRANT_DAYS) throw new InvalidInputException("許可の日数は 1〜" + MAX_GRANT_DAYS + " 日です / the grant lasts 1 to " + MAX_GRANT_DAYS + " days");
        if (reason == null || reason.isBlank() || reason.length() > 400) throw new InvalidInputException("許可の理由を入力してください（400文字以内） / a reason (up to 400 characters) is required");
        Instant now = mamori.clock().instant();
        long id = mamori.database().inUnitOfWork(c -> {
            long gid = status.insertGrant(c, pref.id(), member.id(), reason.strip(), actor.auditName(), now, now.plus(Duration.ofDays(days)));
            Audited.record(mamori, c, actor, member.id(), Audited.PREFECTURE_GRANTED, "grant:" + gid, "prefecture=" + pref.code() + " days=" + days + " reason=" + reason.strip());
            return gid;
        });
        return status.grant(id).orElseThrow();
    }

    public void revoke(Actor actor, long grantId, Long onlyOrg) {
        PrefectureStatus.Grant g = status.grant(grantId).filter(x -> onlyOrg == null || x.organizationId() == onlyOrg)
                .orElseThrow(() -> new InvalidInputException("許可がありません / no grant " + grantId));
        mamori.database().inUnitOfWork(c -> {
            if (!status.revokeGrant(c, grantId, actor.auditName(), mamori.clock().instant())) throw new InvalidInputException("既に取り消されています / already revoked");
            Audited.record(mamori, c, actor, g.organizationId(), Audited.PREFECTURE_REVOKED, "grant:" + grantId, null);
            return null;
        });
    }

    /** The prefectures serving this municipality: the ones it can grant access to. */
    public List<Organization> servingPrefectures(long orgId) {
        return status.servedBy(orgId).stream().map(id -> mamori.inventory().organizationById(id).orElseThrow()).toList();
    }

    /** The grants this municipality has given (newest first), for its own page. */
    public List<PrefectureStatus.Grant> grantsOf(long orgId) {
        return status.grantsOf(orgId);
    }

    public List<PrefectureStatus.Grant> grants(String prefectureCode) {
        return status.grants(org(prefectureCode).id(), null);
    }

    private Organization org(String code) {
        return mamori.inventory().findOrganization(code)
                .orElseThrow(() -> new InvalidInputException("団体が見つかりません / no organisation with code '" + code + "'"));
    }

    /** Asked for details without a grant in force. */
    public static final class NotGrantedException extends RuntimeException {
        public NotGrantedException(String message) {
            super(message);
        }
    }
}
