package jp.mamori.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An organisation's own choices about intake. {@code sbomStrict}: SBOMs with any schema problem are
 * refused, as before issue 13; off (the default), they are imported with warnings when they can be read
 * safely (see {@link jp.mamori.inventory.sbom.Strictness}).
 */
public final class OrganizationSettings {
    private final DataSource dataSource;

    public OrganizationSettings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean sbomStrict(long orgId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sbom_strict FROM organization WHERE id = ?")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new InventoryException("団体が見つかりません / no such organisation");
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read organisation settings: " + e.getMessage(), e);
        }
    }

    /** In the caller's transaction (the use case writes its audit entry in the same one). */
    public static void setSbomStrict(Connection c, long orgId, boolean strict) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE organization SET sbom_strict = ? WHERE id = ?")) {
            ps.setBoolean(1, strict);
            ps.setLong(2, orgId);
            if (ps.executeUpdate() != 1) throw new InventoryException("団体が見つかりません / no such organisation");
        }
    }
}
