package jp.mamori.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One kind of row that lives inside an organisation (a system, an asset), read by code, by id or
 * all — every read bound to the organisation's id, so the tenant rule is written once for each
 * kind instead of once per finder.
 *
 * @param <T> the row as the inventory hands it out
 */
public final class TenantRows<T> {

    /** Reads one row; {@code c} is open for lookups the row needs (a system's vendors). */
    @FunctionalInterface
    interface Row<T> {
        T read(Connection c, long orgId, ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final String select;
    private final String alias;
    private final String orderBy;
    private final String noun;
    private final Row<T> row;

    /**
     * @param select  the columns and tables, ending before {@code WHERE}
     * @param alias   the table alias holding {@code organization_id}, {@code code} and {@code id}
     * @param noun    what the refusal of an unknown code names ("system", "asset")
     */
    TenantRows(DataSource dataSource, String select, String alias, String orderBy, String noun, Row<T> row) {
        this.dataSource = dataSource;
        this.select = select;
        this.alias = alias;
        this.orderBy = orderBy;
        this.noun = noun;
        this.row = row;
    }

    /** The row with this code in this organisation (the code trimmed). */
    public Optional<T> find(long orgId, String code) {
        return first(where(orgId, "AND " + alias + ".code = ?", code.trim()));
    }

    /** As {@link #find}, or an {@link InventoryException} naming the code. */
    public T require(long orgId, String code) {
        return find(orgId, code).orElseThrow(() -> new InventoryException("no " + noun + " with code '" + code + "' in this organisation"));
    }

    /** The row with this id, only if it belongs to this organisation. */
    public Optional<T> byId(long orgId, long id) {
        return first(where(orgId, "AND " + alias + ".id = ?", id));
    }

    /** All the organisation's rows, in the kind's order. */
    public List<T> list(long orgId) {
        return where(orgId, "", null);
    }

    /** The organisation's rows that also meet {@code condition} ({@code AND …} with at most one {@code ?}). */
    List<T> where(long orgId, String condition, Object param) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(select + " WHERE " + alias + ".organization_id = ? " + condition + " ORDER BY " + orderBy)) {
            ps.setLong(1, orgId);
            if (param != null) ps.setObject(2, param);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(c, orgId, rs));
            }
            return out;
        } catch (SQLException e) {
            throw new InventoryException("inventory database error: " + e.getMessage(), e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
