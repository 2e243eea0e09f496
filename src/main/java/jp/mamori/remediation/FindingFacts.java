package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/** What a decision needs to know about a finding, read under a row lock so two decisions do not race. */
record FindingFacts(long id, long organizationId, long systemId, long assetId, String assetCode, String componentIdentity,
                    String componentName, String componentVersion, String vulnId, FindingState state, String outcome, LocalDate due,
                    String criterion, LocalDate triageDue) {

    DecisionStore.Identity identity() {
        return new DecisionStore.Identity(id, assetId, componentIdentity, vulnId);
    }

    String label() {
        return vulnId + " / " + assetCode + (componentName == null ? "" : " / " + componentName + (componentVersion == null ? "" : " " + componentVersion));
    }

    static Optional<FindingFacts> lock(Connection c, long orgId, long findingId) throws SQLException {
        // Lock the finding row alone (FOR UPDATE on a join is not portable), then read the asset code.
        FindingFacts f;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, organization_id, system_id, asset_id, component_identity, component_name, "
                + "component_version, vuln_id, state, outcome, due_date, criterion, triage_due FROM finding WHERE id = ? AND organization_id = ? FOR UPDATE")) {
            ps.setLong(1, findingId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Date due = rs.getDate(11);
                Date triageDue = rs.getDate(13);
                f = new FindingFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), null, rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), FindingState.fromKey(rs.getString(9)), rs.getString(10),
                        due == null ? null : due.toLocalDate(), rs.getString(12),
                        triageDue == null ? (due == null ? null : due.toLocalDate()) : triageDue.toLocalDate());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM asset WHERE id = ?")) {
            ps.setLong(1, f.assetId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(new FindingFacts(f.id, f.organizationId, f.systemId, f.assetId, rs.getString(1), f.componentIdentity,
                        f.componentName, f.componentVersion, f.vulnId, f.state, f.outcome, f.due, f.criterion, f.triageDue));
            }
        }
    }
}
