package jp.mamori.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Per-user preferences and the organisation's webhooks. */
public final class NotificationSettingsStore {

    /** An organisation-wide channel, e.g. the security team's Teams channel. */
    public record OrgWebhook(long id, long organizationId, String name, WebhookKind kind, String url, boolean immediate) { }

    private final DataSource dataSource;

    public NotificationSettingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Preference preference(long userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel, mode, webhook_kind, webhook_url FROM notification_preference WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Preference.DEFAULT;
                return new Preference(Preference.Channel.fromKey(rs.getString(1)), Preference.immediateFromKey(rs.getString(2)),
                        rs.getString(3) == null ? null : WebhookKind.fromKey(rs.getString(3)), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification preferences: " + e.getMessage(), e);
        }
    }

    public void setPreference(long userId, Preference p) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM notification_preference WHERE user_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO notification_preference (user_id, channel, mode, webhook_kind, "
                         + "webhook_url) VALUES (?, ?, ?, ?, ?)")) {
                del.setLong(1, userId);
                del.executeUpdate();
                ins.setLong(1, userId);
                ins.setString(2, p.channel().key());
                ins.setString(3, p.modeKey());
                ins.setString(4, p.webhookKind() == null ? null : p.webhookKind().key());
                ins.setString(5, p.webhookUrl());
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store notification preferences: " + e.getMessage(), e);
        }
    }

    public List<OrgWebhook> webhooks(long orgId) {
        List<OrgWebhook> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, organization_id, name, kind, url, mode FROM notification_webhook WHERE organization_id = ? AND enabled = TRUE ORDER BY id")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OrgWebhook(rs.getLong(1), rs.getLong(2), rs.getString(3), WebhookKind.fromKey(rs.getString(4)),
                            rs.getString(5), Preference.immediateFromKey(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhooks: " + e.getMessage(), e);
        }
        return out;
    }

    public long addWebhook(long orgId, String name, WebhookKind kind, String url, boolean immediate) {
        WebhookSender.checkUrl(url);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO notification_webhook (organization_id, name, kind, url, mode, enabled) VALUES (?, ?, ?, ?, ?, TRUE)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setString(2, name);
            ps.setString(3, kind.key());
            ps.setString(4, url);
            ps.setString(5, immediate ? "immediate" : "digest");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the webhook: " + e.getMessage(), e);
        }
    }
}
