package jp.mamori.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.persistence.Database;

/** Configuration shares with IR partners (and other vendors). */
public final class ShareStore {

    /** Policy: a partner gets the configuration again after this many days (or after a boundary-device change). */
    public static final int SHARE_INTERVAL_DAYS = 180;

    private final Database database;

    public ShareStore(Database database) {
        this.database = database;
    }

    public ConfigShare record(Connection c, long orgId, long vendorId, LocalDate sharedOn, String recipient, String sha256, LocalDate nextDue,
                              String by, Instant at) throws SQLException {
        return record(c, orgId, vendorId, sharedOn, recipient, sha256, nextDue, by, at, boundaryFingerprint(c, orgId));
    }

    /** {@code boundarySha256}: the boundary devices as shared ({@link #boundaryFingerprint}). */
    public ConfigShare record(Connection c, long orgId, long vendorId, LocalDate sharedOn, String recipient, String sha256, LocalDate nextDue,
                              String by, Instant at, String boundarySha256) throws SQLException {
        if (recipient == null || recipient.isBlank()) throw new PartnersException("受領者を指定してください / a recipient is required");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_share (organization_id, vendor_id, shared_on, recipient, sha256, next_due, "
                + "recorded_by, recorded_at, boundary_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setLong(2, vendorId);
            VendorStore.setDate(ps, 3, sharedOn);
            ps.setString(4, recipient.strip());
            ps.setString(5, sha256);
            VendorStore.setDate(ps, 6, nextDue);
            ps.setString(7, by);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setString(9, boundarySha256);
            ps.executeUpdate();
        }
        return last(c, orgId, vendorId).orElseThrow();
    }

    /**
     * The SHA-256 of the organisation's boundary devices (internet boundary assets): one line per device, in code
     * order, of code, kind, product, version, CPE and exposure — what an IR partner needs to know of them. Any
     * change to these (a device added, removed, upgraded or exposed differently) changes the fingerprint.
     */
    public String boundaryFingerprint(long orgId) {
        return database.inTransaction(c -> boundaryFingerprint(c, orgId));
    }

    static String boundaryFingerprint(Connection c, long orgId) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, kind, product, version, cpe, exposure FROM asset "
                + "WHERE organization_id = ? AND internet_boundary = TRUE ORDER BY code")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 6; i++) sb.append(i == 1 ? "" : "\t").append(rs.getString(i) == null ? "" : rs.getString(i));
                    sb.append('\n');
                }
            }
        }
        return ContractDocument.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Optional<ConfigShare> last(long orgId, long vendorId) {
        return database.inTransaction(c -> last(c, orgId, vendorId));
    }

    public List<ConfigShare> list(long orgId) {
        return database.inTransaction(c -> query(c, "s.organization_id = ? ORDER BY s.shared_on DESC, s.id DESC", orgId, null));
    }

    static Optional<ConfigShare> last(Connection c, long orgId, long vendorId) throws SQLException {
        return query(c, "s.organization_id = ? AND s.vendor_id = ? ORDER BY s.shared_on DESC, s.id DESC", orgId, vendorId).stream().findFirst();
    }

    private static List<ConfigShare> query(Connection c, String where, long orgId, Long vendorId) throws SQLException {
        List<ConfigShare> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.vendor_id, v.name, s.shared_on, s.recipient, s.sha256, s.next_due, s.recorded_by, "
                + "s.recorded_at, s.boundary_sha256 FROM config_share s JOIN vendor v ON v.id = s.vendor_id WHERE " + where)) {
            ps.setLong(1, orgId);
            if (vendorId != null) ps.setLong(2, vendorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConfigShare(rs.getLong(1), rs.getLong(2), rs.getString(3), VendorStore.date(rs, 4), rs.getString(5), rs.getString(6),
                            VendorStore.date(rs, 7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10)));
                }
            }
        }
        return out;
    }
}
