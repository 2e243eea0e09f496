package jp.mamori.partners;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.persistence.Database;

/** Vendors (事業者) of an organisation, IR partners among them. Writes take the caller's transaction. */
public final class VendorStore {

    static final String COLUMNS = "id, organization_id, name, corporate_number, kind, contact_person, phone, email, hotline, "
            + "service_category, registration_number, registration_valid_until, call_order, nda_signed, nda_expires, nda_sha256";

    private final Database database;

    public VendorStore(Database database) {
        this.database = database;
    }

    /** What a user gives for a vendor; null fields keep what is stored. */
    public record Input(String name, String corporateNumber, VendorKind kind, String contactPerson, String phone, String email,
                        String hotline, ServiceCategory serviceCategory, String registrationNumber, LocalDate registrationValidUntil,
                        Integer callOrder) {
        public Input {
            if (name == null || name.isBlank()) throw new PartnersException("事業者名を指定してください / a vendor name is required");
            name = name.strip();
            if (name.length() > 200) throw new PartnersException("事業者名が長すぎます（200文字まで） / vendor name longer than 200 characters");
            corporateNumber = CorporateNumber.normalise(corporateNumber);
            if (email != null && !email.isBlank() && !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
                throw new PartnersException("メールアドレスが不正です / not an e-mail address: '" + email + "'");
            }
        }
    }

    public List<Vendor> list(long orgId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vendor WHERE organization_id = ? ORDER BY name")) {
                ps.setLong(1, orgId);
                return read(ps);
            }
        });
    }

    public Optional<Vendor> find(long orgId, String name) {
        return database.inTransaction(c -> find(c, orgId, name));
    }

    public Optional<Vendor> byId(long orgId, long id) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vendor WHERE organization_id = ? AND id = ?")) {
                ps.setLong(1, orgId);
                ps.setLong(2, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    public Vendor require(long orgId, String name) {
        return find(orgId, name).orElseThrow(() -> new PartnersException("事業者が見つかりません / no vendor named '" + name + "'"));
    }

    static Optional<Vendor> find(Connection c, long orgId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vendor WHERE organization_id = ? AND name = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, name == null ? "" : name.strip());
            return read(ps).stream().findFirst();
        }
    }

    /** Creates the vendor or updates the given fields of the one with that name. */
    public Vendor save(Connection c, long orgId, Input in) throws SQLException {
        return save(c, orgId, in, false);
    }

    /**
     * Creates the vendor or updates the one with that name; {@code replace}: every field as given (a
     * blank one is cleared, as an edit form means it), else only the fields given.
     */
    public Vendor save(Connection c, long orgId, Input in, boolean replace) throws SQLException {
        Optional<Vendor> existing = find(c, orgId, in.name());
        long id;
        if (existing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vendor (organization_id, name) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.setString(2, in.name());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
        } else {
            id = existing.get().id();
        }
        Vendor old = replace ? null : existing.orElse(null);
        try (PreparedStatement ps = c.prepareStatement("UPDATE vendor SET corporate_number = ?, kind = ?, contact_person = ?, phone = ?, email = ?, "
                + "hotline = ?, service_category = ?, registration_number = ?, registration_valid_until = ?, call_order = ? WHERE id = ?")) {
            ps.setString(1, pick(in.corporateNumber(), old == null ? null : old.corporateNumber()));
            VendorKind kind = in.kind() != null ? in.kind() : old == null ? null : old.kind();
            ps.setString(2, kind == null ? null : kind.key());
            ps.setString(3, pick(in.contactPerson(), old == null ? null : old.contactPerson()));
            ps.setString(4, pick(in.phone(), old == null ? null : old.phone()));
            ps.setString(5, pick(in.email(), old == null ? null : old.email()));
            ps.setString(6, pick(in.hotline(), old == null ? null : old.hotline()));
            ServiceCategory cat = in.serviceCategory() != null ? in.serviceCategory() : old == null ? null : old.serviceCategory();
            ps.setString(7, cat == null ? null : cat.key());
            ps.setString(8, pick(in.registrationNumber(), old == null ? null : old.registrationNumber()));
            setDate(ps, 9, in.registrationValidUntil() != null ? in.registrationValidUntil() : old == null ? null : old.registrationValidUntil());
            Integer order = in.callOrder() != null ? in.callOrder() : old == null ? null : old.callOrder();
            if (order == null) ps.setNull(10, Types.INTEGER); else ps.setInt(10, order);
            ps.setLong(11, id);
            ps.executeUpdate();
        }
        return find(c, orgId, in.name()).orElseThrow();
    }

    /** Records the NDA signed with a vendor (date, expiry, the signed document's SHA-256). */
    public void recordNda(Connection c, long orgId, long vendorId, LocalDate signed, LocalDate expires, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vendor SET nda_signed = ?, nda_expires = ?, nda_sha256 = ? WHERE organization_id = ? AND id = ?")) {
            setDate(ps, 1, signed);
            setDate(ps, 2, expires);
            ps.setString(3, sha256);
            ps.setLong(4, orgId);
            ps.setLong(5, vendorId);
            if (ps.executeUpdate() != 1) throw new PartnersException("事業者が見つかりません / no such vendor: " + vendorId);
        }
    }

    private static String pick(String given, String stored) {
        return given == null || given.isBlank() ? stored : given.strip();
    }

    static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) ps.setNull(i, Types.DATE); else ps.setDate(i, Date.valueOf(d));
    }

    static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    static List<Vendor> read(PreparedStatement ps) throws SQLException {
        List<Vendor> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(5);
                String cat = rs.getString(10);
                int order = rs.getInt(13);
                Integer callOrder = rs.wasNull() ? null : order;
                out.add(new Vendor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        kind == null ? null : VendorKind.parse(kind), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        cat == null ? null : ServiceCategory.parse(cat), rs.getString(11), date(rs, 12), callOrder,
                        date(rs, 14), date(rs, 15), rs.getString(16)));
            }
        }
        return out;
    }
}
