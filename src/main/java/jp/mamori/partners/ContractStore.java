package jp.mamori.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.persistence.Database;

/** Contracts, what they cover, their checklist answers and documents. Writes take the caller's transaction. */
public final class ContractStore {

    private static final String COLUMNS = "c.id, c.organization_id, c.vendor_id, v.name, c.code, c.title, c.kind, c.status, c.starts_on, c.ends_on, "
            + "c.renewal_on, c.covers_network_devices, c.patch_cap_per_year, c.document_name, c.document_type, c.document_sha256, c.document_size";

    private final Database database;

    public ContractStore(Database database) {
        this.database = database;
    }

    /** A contract as a user enters it; systems and assets by code. */
    public record Input(String code, String title, long vendorId, ContractKind kind, ContractStatus status, LocalDate startsOn,
                        LocalDate endsOn, LocalDate renewalOn, boolean coversNetworkDevices, Integer patchCapPerYear,
                        List<Long> systemIds, List<Long> assetIds) {
        public Input {
            if (code == null || !code.strip().matches("[A-Za-z0-9._-]{1,64}")) {
                throw new PartnersException("契約コードは英数字・._- の64文字までです / contract code: letters, digits, . _ - (≤ 64): '" + code + "'");
            }
            code = code.strip();
            if (title == null || title.isBlank()) throw new PartnersException("契約名を指定してください / a contract title is required");
            if (title.length() > 300) throw new PartnersException("契約名が長すぎます（300文字まで） / title longer than 300 characters");
            if (kind == null) throw new PartnersException("契約種別を指定してください / a contract kind is required");
            if (status == null) status = ContractStatus.ACTIVE;
            if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
                throw new PartnersException("契約終了日が開始日より前です / the contract ends (" + endsOn + ") before it starts (" + startsOn + ")");
            }
            if (patchCapPerYear != null && patchCapPerYear < 0) throw new PartnersException("パッチ上限は0以上です / patch cap must be ≥ 0");
            systemIds = systemIds == null ? List.of() : List.copyOf(systemIds);
            assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        }
    }

    public List<Contract> list(long orgId) {
        return database.inTransaction(c -> query(c, "c.organization_id = ?", orgId));
    }

    /** The contracts a vendor holds (what a VENDOR account sees). */
    public List<Contract> listForVendor(long orgId, long vendorId) {
        return database.inTransaction(c -> query(c, "c.organization_id = ? AND c.vendor_id = " + vendorId, orgId));
    }

    public Optional<Contract> find(long orgId, String code) {
        return database.inTransaction(c -> find(c, orgId, code));
    }

    public Contract require(long orgId, String code) {
        return find(orgId, code).orElseThrow(() -> new PartnersException("契約が見つかりません / no contract with code '" + code + "'"));
    }

    static Optional<Contract> find(Connection c, long orgId, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contract c JOIN vendor v ON v.id = c.vendor_id "
                + "WHERE c.organization_id = ? AND c.code = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, code);
            List<Contract> r = read(c, ps);
            return r.stream().findFirst();
        }
    }

    private static List<Contract> query(Connection c, String where, long orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contract c JOIN vendor v ON v.id = c.vendor_id WHERE "
                + where + " ORDER BY c.code")) {
            ps.setLong(1, orgId);
            return read(c, ps);
        }
    }

    /** Creates the contract or replaces the one with that code (coverage included). */
    public Contract save(Connection c, long orgId, Input in, Instant now, String by) throws SQLException {
        Optional<Contract> existing = find(c, orgId, in.code());
        long id;
        if (existing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract (organization_id, vendor_id, code, title, kind, status, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.setLong(2, in.vendorId());
                ps.setString(3, in.code());
                ps.setString(4, in.title());
                ps.setString(5, in.kind().key());
                ps.setString(6, in.status().key());
                ps.setTimestamp(7, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
        } else {
            id = existing.get().id();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE contract SET vendor_id = ?, title = ?, kind = ?, status = ?, starts_on = ?, ends_on = ?, "
                + "renewal_on = ?, covers_network_devices = ?, patch_cap_per_year = ?, updated_by = ? WHERE id = ?")) {
            ps.setLong(1, in.vendorId());
            ps.setString(2, in.title());
            ps.setString(3, in.kind().key());
            ps.setString(4, in.status().key());
            VendorStore.setDate(ps, 5, in.startsOn());
            VendorStore.setDate(ps, 6, in.endsOn());
            VendorStore.setDate(ps, 7, in.renewalOn());
            ps.setBoolean(8, in.coversNetworkDevices());
            if (in.patchCapPerYear() == null) ps.setNull(9, Types.INTEGER); else ps.setInt(9, in.patchCapPerYear());
            ps.setString(10, by);
            ps.setLong(11, id);
            ps.executeUpdate();
        }
        replace(c, "contract_system", "system_id", id, in.systemIds());
        replace(c, "contract_asset", "asset_id", id, in.assetIds());
        return find(c, orgId, in.code()).orElseThrow();
    }

    private static void replace(Connection c, String table, String column, long contractId, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE contract_id = ?")) {
            ps.setLong(1, contractId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (contract_id, " + column + ") VALUES (?, ?)")) {
            for (Long id : new java.util.LinkedHashSet<>(ids)) {
                ps.setLong(1, contractId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The checklist answers of a contract by item key. */
    public Map<String, ClauseAnswer> answers(long contractId) {
        return database.inTransaction(c -> answers(c, contractId));
    }

    static Map<String, ClauseAnswer> answers(Connection c, long contractId) throws SQLException {
        Map<String, ClauseAnswer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_key, answer, article, clause_text, reviewed_by, reviewed_at, proposed_answer, "
                + "proposed_article, proposed_text, proposed_by, proposed_at FROM contract_clause WHERE contract_id = ? ORDER BY item_key")) {
            ps.setLong(1, contractId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ClauseAnswer(rs.getString(1), answer(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs.getTimestamp(6)), answer(rs.getString(7)), rs.getString(8), rs.getString(9),
                            rs.getString(10), instant(rs.getTimestamp(11))));
                }
            }
        }
        return out;
    }

    /**
     * Stores answers: reviewed ones (an officer's) replace the answer and clear a proposal; proposed ones
     * (a vendor's) wait for approval beside the reviewed answer.
     */
    public void answer(Connection c, long contractId, List<ClauseAnswer.Given> given, boolean reviewed, String by, Instant at) throws SQLException {
        Map<String, ClauseAnswer> existing = answers(c, contractId);
        for (ClauseAnswer.Given g : given) {
            if (!existing.containsKey(g.itemKey())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract_clause (contract_id, item_key) VALUES (?, ?)")) {
                    ps.setLong(1, contractId);
                    ps.setString(2, g.itemKey());
                    ps.executeUpdate();
                }
            }
            String sql = reviewed
                    ? "UPDATE contract_clause SET answer = ?, article = ?, clause_text = ?, reviewed_by = ?, reviewed_at = ?, proposed_answer = NULL, "
                        + "proposed_article = NULL, proposed_text = NULL, proposed_by = NULL, proposed_at = NULL WHERE contract_id = ? AND item_key = ?"
                    : "UPDATE contract_clause SET proposed_answer = ?, proposed_article = ?, proposed_text = ?, proposed_by = ?, proposed_at = ? "
                        + "WHERE contract_id = ? AND item_key = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, g.answer().key());
                ps.setString(2, g.article());
                ps.setString(3, g.clauseText());
                ps.setString(4, by);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setLong(6, contractId);
                ps.setString(7, g.itemKey());
                ps.executeUpdate();
            }
        }
    }

    /** The security officer accepts the vendor's proposed answers: they become the reviewed ones. Returns how many. */
    public int approve(Connection c, long contractId, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contract_clause SET answer = proposed_answer, article = proposed_article, "
                + "clause_text = proposed_text, reviewed_by = ?, reviewed_at = ?, proposed_answer = NULL, proposed_article = NULL, proposed_text = NULL, "
                + "proposed_by = NULL, proposed_at = NULL WHERE contract_id = ? AND proposed_answer IS NOT NULL")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setLong(3, contractId);
            return ps.executeUpdate();
        }
    }

    /** Stores the contract document (already checked by {@link ContractDocument}). */
    public void attach(Connection c, long contractId, ContractDocument doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contract SET document_name = ?, document_type = ?, document_sha256 = ?, document_size = ? WHERE id = ?")) {
            ps.setString(1, doc.name());
            ps.setString(2, doc.type());
            ps.setString(3, doc.sha256());
            ps.setLong(4, doc.bytes().length);
            ps.setLong(5, contractId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM contract_document WHERE contract_id = ?")) {
            ps.setLong(1, contractId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract_document (contract_id, content) VALUES (?, ?)")) {
            ps.setLong(1, contractId);
            ps.setString(2, java.util.Base64.getEncoder().encodeToString(doc.bytes()));
            ps.executeUpdate();
        }
    }

    /** The stored document's bytes, if any. */
    public Optional<byte[]> document(long orgId, long contractId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.content FROM contract_document d JOIN contract c ON c.id = d.contract_id "
                    + "WHERE c.organization_id = ? AND c.id = ?")) {
                ps.setLong(1, orgId);
                ps.setLong(2, contractId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(java.util.Base64.getDecoder().decode(rs.getString(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    private static List<Contract> read(Connection c, PreparedStatement ps) throws SQLException {
        List<Contract> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int cap = rs.getInt(13);
                Integer patchCap = rs.wasNull() ? null : cap;
                long size = rs.getLong(17);
                Long docSize = rs.wasNull() ? null : size;
                out.add(new Contract(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        ContractKind.parse(rs.getString(7)), ContractStatus.parse(rs.getString(8)), VendorStore.date(rs, 9), VendorStore.date(rs, 10),
                        VendorStore.date(rs, 11), rs.getBoolean(12), patchCap, rs.getString(14), rs.getString(15), rs.getString(16), docSize,
                        List.of(), List.of()));
            }
        }
        List<Contract> full = new ArrayList<>();
        for (Contract k : out) {
            full.add(new Contract(k.id(), k.organizationId(), k.vendorId(), k.vendorName(), k.code(), k.title(), k.kind(), k.status(), k.startsOn(),
                    k.endsOn(), k.renewalOn(), k.coversNetworkDevices(), k.patchCapPerYear(), k.documentName(), k.documentType(), k.documentSha256(),
                    k.documentSize(), codes(c, "SELECT s.code FROM contract_system cs JOIN it_system s ON s.id = cs.system_id WHERE cs.contract_id = ? ORDER BY s.code", k.id()),
                    codes(c, "SELECT a.code FROM contract_asset ca JOIN asset a ON a.id = ca.asset_id WHERE ca.contract_id = ? ORDER BY a.code", k.id())));
        }
        return full;
    }

    private static List<String> codes(Connection c, String sql, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Answer answer(String key) {
        return key == null ? null : Answer.parse(key);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
