package jp.mamori.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import jp.mamori.persistence.Database;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Reads accounts from the app_user table. */
@Service
public class JdbcUserDetailsService implements UserDetailsService {

    private final Database database;

    public JdbcUserDetailsService(Database database) {
        this.database = database;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new UsernameNotFoundException("no such user");
                return User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString(3))))
                        .disabled(!rs.getBoolean(4))
                        .build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("user lookup failed", e);
        }
    }
}
