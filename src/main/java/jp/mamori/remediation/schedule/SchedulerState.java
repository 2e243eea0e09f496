package jp.mamori.remediation.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small bookmarks of the daily run in app_setting (e.g. the last finding_event already handled). */
final class SchedulerState {
    private SchedulerState() { }

    static long getLong(Connection c, String key, long dflt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_name = ? FOR UPDATE")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : dflt;
            }
        }
    }

    static void set(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE app_setting SET setting_value = ? WHERE setting_name = ?")) {
            up.setString(1, value);
            up.setString(2, key);
            if (up.executeUpdate() > 0) return;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)")) {
            ins.setString(1, key);
            ins.setString(2, value);
            ins.executeUpdate();
        }
    }
}
