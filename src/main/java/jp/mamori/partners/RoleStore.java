package jp.mamori.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.persistence.Database;

/** The role matrix and drills of an organisation. */
public final class RoleStore {

    private final Database database;

    public RoleStore(Database database) {
        this.database = database;
    }

    public RoleMatrix matrix(long orgId) {
        return database.inTransaction(c -> matrix(c, orgId));
    }

    static RoleMatrix matrix(Connection c, long orgId) throws SQLException {
        List<RoleMatrix.Assignment> cells = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.phase, r.party, r.raci, v.name FROM role_assignment r LEFT JOIN vendor v ON v.id = r.vendor_id "
                + "WHERE r.organization_id = ?")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) cells.add(new RoleMatrix.Assignment(Phase.parse(rs.getString(1)), Party.parse(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        }
        cells.sort(java.util.Comparator.comparing((RoleMatrix.Assignment a) -> a.phase()).thenComparing(RoleMatrix.Assignment::party));
        List<RoleMatrix.Drill> drills = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, held_on, title, findings, recorded_by FROM ir_drill WHERE organization_id = ? ORDER BY held_on, id")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) drills.add(new RoleMatrix.Drill(rs.getLong(1), VendorStore.date(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return new RoleMatrix(cells, drills);
    }

    /** Sets one cell (raci null or blank: clears it). */
    public void assign(Connection c, long orgId, Phase phase, Party party, String raci, Long vendorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_assignment WHERE organization_id = ? AND phase = ? AND party = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, phase.key());
            ps.setString(3, party.key());
            ps.executeUpdate();
        }
        if (raci == null || raci.isBlank()) return;
        RoleMatrix.Assignment a = new RoleMatrix.Assignment(phase, party, raci, null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO role_assignment (organization_id, phase, party, raci, vendor_id) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, orgId);
            ps.setString(2, phase.key());
            ps.setString(3, party.key());
            ps.setString(4, a.raci());
            ps.setObject(5, vendorId);
            ps.executeUpdate();
        }
    }

    public long recordDrill(Connection c, long orgId, LocalDate heldOn, String title, String findings, String by) throws SQLException {
        if (heldOn == null) throw new PartnersException("訓練日を指定してください / a drill date is required");
        if (title == null || title.isBlank()) throw new PartnersException("訓練名を指定してください / a drill title is required");
        if (title.length() > 300 || (findings != null && findings.length() > 2000)) throw new PartnersException("訓練の記録が長すぎます / drill text too long");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ir_drill (organization_id, held_on, title, findings, recorded_by) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            VendorStore.setDate(ps, 2, heldOn);
            ps.setString(3, title.strip());
            ps.setString(4, findings == null || findings.isBlank() ? null : findings.strip());
            ps.setString(5, by);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }
}
