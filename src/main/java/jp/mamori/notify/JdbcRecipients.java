package jp.mamori.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Recipients over app_user. The CISO flag (app_user.ciso) and system assignments (user_system) come
 * with the security migration; until they exist there are no CISOs and no system is assigned to any
 * system administrator, so nobody hears of a system that is not theirs (least privilege).
 */
public final class JdbcRecipients implements Recipients {

    private final DataSource dataSource;
    private volatile Boolean hasCisoFlag;
    private volatile Boolean hasAssignments;

    public JdbcRecipients(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Recipient> forSystem(long orgId, long systemId) {
        Map<Long, Recipient> out = new LinkedHashMap<>();
        if (hasAssignments()) {
            for (Recipient r : query(select() + " WHERE u.organization_id = ? AND u.enabled = TRUE AND u.role = 'SYSTEM_ADMIN' "
                    + "AND u.id IN (SELECT us.user_id FROM user_system us WHERE us.system_id = ?) ORDER BY u.id", orgId, systemId)) {
                out.put(r.userId(), r);
            }
        }
        for (Recipient r : securityOfficers(orgId)) out.putIfAbsent(r.userId(), r);
        return new ArrayList<>(out.values());
    }

    @Override
    public List<Recipient> securityOfficers(long orgId) {
        // The CISO is a security officer too, but is brought in by escalation only (cisos()) — unless
        // the CISO is the organisation's only security officer, as in a small town.
        List<Recipient> all = query(select() + " WHERE u.organization_id = ? AND u.enabled = TRUE AND u.role = 'SECURITY_OFFICER' ORDER BY u.id", orgId);
        List<Recipient> officers = all.stream().filter(r -> !r.ciso()).toList();
        return officers.isEmpty() ? all : officers;
    }

    @Override
    public List<Recipient> cisos(long orgId) {
        if (!hasCisoFlag()) return List.of();
        return query(select() + " WHERE u.organization_id = ? AND u.enabled = TRUE AND u.role = 'SECURITY_OFFICER' AND u.ciso = TRUE "
                + "ORDER BY u.id", orgId);
    }

    @Override
    public Optional<Recipient> user(long orgId, String username) {
        List<Recipient> r = query(select() + " WHERE u.organization_id = ? AND u.enabled = TRUE AND u.username = ?", orgId, username);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private String select() {
        return "SELECT u.id, u.username, u.display_name, u.role, u.email, " + (hasCisoFlag() ? "u.ciso" : "FALSE") + " FROM app_user u";
    }

    private List<Recipient> query(String sql, Object... params) {
        List<Recipient> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accounts: " + e.getMessage(), e);
        }
        return out;
    }

    private boolean hasCisoFlag() {
        if (hasCisoFlag == null) hasCisoFlag = probe("SELECT ciso FROM app_user WHERE 1 = 0");
        return hasCisoFlag;
    }

    private boolean hasAssignments() {
        if (hasAssignments == null) hasAssignments = probe("SELECT user_id FROM user_system WHERE 1 = 0");
        return hasAssignments;
    }

    /** Whether the schema has a column or table; asked by running a query that reads nothing. */
    private boolean probe(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
