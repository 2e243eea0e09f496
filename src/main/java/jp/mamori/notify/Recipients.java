package jp.mamori.notify;

import java.util.List;
import java.util.Optional;

/**
 * Who is responsible for what (SPEC §2). Kept behind an interface because accounts, roles and system
 * assignments belong to the security capability; remediation only asks.
 */
public interface Recipients {

    /** The system's administrators and the organisation's security officers (enabled accounts, no CISO). */
    List<Recipient> forSystem(long orgId, long systemId);

    /**
     * The organisation's security officers, without the CISO: the CISO hears of what is escalated
     * (overdue Act findings) and reads the daily digest, not of every change — unless the CISO is the
     * only security officer, who then hears of everything.
     */
    List<Recipient> securityOfficers(long orgId);

    /** The organisation's CISOs (統括情報セキュリティ責任者). */
    List<Recipient> cisos(long orgId);

    /** An enabled account of the organisation, e.g. to check that an approver is a security officer. */
    Optional<Recipient> user(long orgId, String username);
}
