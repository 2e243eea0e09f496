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

/** The role matrix and drills of an organisation, and each information system's own cells and drills where it differs. */
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
        return new RoleMatrix(cells, drills(c, orgId).getOrDefault(0L, List.of()));
    }

    /** Drills by system id (0: the organisation's own). */
    private static java.util.Map<Long, List<RoleMatrix.Drill>> drills(Connection c, long orgId) throws SQLException {
        java.util.Map<Long, List<RoleMatrix.Drill>> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.held_on, d.title, d.findings, d.recorded_by, d.system_id, s.code FROM ir_drill d "
                + "LEFT JOIN it_system s ON s.id = d.system_id WHERE d.organization_id = ? ORDER BY d.held_on, d.id")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long system = rs.getLong(6);
                    out.computeIfAbsent(rs.wasNull() ? 0L : system, k -> new ArrayList<>())
                            .add(new RoleMatrix.Drill(rs.getLong(1), VendorStore.date(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Every information system of the organisation (by code) with its own cells and drills. */
    public List<SystemRoles> systems(long orgId) {
        return database.inTransaction(c -> systems(c, orgId, null));
    }

    /** One system of the organisation, by code; empty when the organisation has no such system. */
    public java.util.Optional<SystemRoles> system(long orgId, String code) {
        if (code == null || code.isBlank()) return java.util.Optional.empty();
        return database.inTransaction(c -> systems(c, orgId, code.strip()).stream().findFirst());
    }

    static List<SystemRoles> systems(Connection c, long orgId, String onlyCode) throws SQLException {
        RoleMatrix org = matrix(c, orgId);
        java.util.Map<Long, List<RoleMatrix.Drill>> drills = drills(c, orgId);
        java.util.Map<Long, List<SystemRoles.Cell>> cells = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.system_id, r.phase, r.party, r.raci, v.name FROM system_role_assignment r "
                + "LEFT JOIN vendor v ON v.id = r.vendor_id WHERE r.organization_id = ?")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new SystemRoles.Cell(Phase.parse(rs.getString(2)), Party.parse(rs.getString(3)), rs.getString(4), rs.getString(5)));
                }
            }
        }
        List<SystemRoles> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.code, s.name, EXISTS (SELECT 1 FROM asset a WHERE a.system_id = s.id AND a.internet_boundary) "
                + "FROM it_system s WHERE s.organization_id = ?" + (onlyCode == null ? "" : " AND s.code = ?") + " ORDER BY s.code")) {
            ps.setLong(1, orgId);
            if (onlyCode != null) ps.setString(2, onlyCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    List<SystemRoles.Cell> own = new ArrayList<>(cells.getOrDefault(id, List.of()));
                    own.sort(java.util.Comparator.comparing(SystemRoles.Cell::phase).thenComparing(SystemRoles.Cell::party));
                    out.add(new SystemRoles(id, rs.getString(2), rs.getString(3), rs.getBoolean(4), org, own, drills.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    /**
     * Sets one cell of a system's own matrix (raci: letters, or {@link SystemRoles#NONE} for "no role
     * in this system"); null or blank removes the system's cell, so the organisation's applies again.
     * Returns whether a cell of the system was there before. The system must be the organisation's.
     */
    public boolean assignSystem(Connection c, long orgId, long systemId, Phase phase, Party party, String raci, Long vendorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM it_system WHERE id = ? AND organization_id = ?")) {
            ps.setLong(1, systemId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new PartnersException("情報システムが見つかりません / no such system in this organisation");
            }
        }
        String value = raci == null || raci.isBlank() ? null : SystemRoles.normalise(raci);
        if (SystemRoles.NONE.equals(value) && vendorId != null) {
            throw new PartnersException("役割なし（-）に事業者は指定できません / a vendor cannot be named for no role (-)");
        }
        boolean existed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM system_role_assignment WHERE organization_id = ? AND system_id = ? AND phase = ? AND party = ?")) {
            ps.setLong(1, orgId);
            ps.setLong(2, systemId);
            ps.setString(3, phase.key());
            ps.setString(4, party.key());
            existed = ps.executeUpdate() > 0;
        }
        if (value == null) return existed;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO system_role_assignment (organization_id, system_id, phase, party, raci, vendor_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, orgId);
            ps.setLong(2, systemId);
            ps.setString(3, phase.key());
            ps.setString(4, party.key());
            ps.setString(5, value);
            ps.setObject(6, vendorId);
            ps.executeUpdate();
        }
        return existed;
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

    /** Records a drill of the organisation's matrix (systemId null) or of one system's own matrix. */
    public long recordDrill(Connection c, long orgId, Long systemId, LocalDate heldOn, String title, String findings, String by) throws SQLException {
        if (heldOn == null) throw new PartnersException("訓練日を指定してください / a drill date is required");
        if (title == null || title.isBlank()) throw new PartnersException("訓練名を指定してください / a drill title is required");
        if (title.length() > 300 || (findings != null && findings.length() > 2000)) throw new PartnersException("訓練の記録が長すぎます / drill text too long");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ir_drill (organization_id, held_on, title, findings, recorded_by, system_id) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            VendorStore.setDate(ps, 2, heldOn);
            ps.setString(3, title.strip());
            ps.setString(4, findings == null || findings.isBlank() ? null : findings.strip());
            ps.setString(5, by);
            ps.setObject(6, systemId);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }
}
