package jp.mamori.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.mamori.persistence.Database;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-only requests (GET and HEAD of every page and of the API) run in the database's read scope,
 * so that with {@code MAMORI_DB_READ_URL} their plain reads are served by the read replica; their
 * writes (audit entries of detail views, the session) still go to the primary ({@code ReadRouting}).
 * Without a replica this changes nothing.
 */
@Configuration
public class ReadReplicaScope {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> readReplicaScopeFilter(Database database) {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String m = request.getMethod();
                if (!database.hasReadReplica() || !("GET".equals(m) || "HEAD".equals(m))) {
                    chain.doFilter(request, response);
                    return;
                }
                try (Database.ReadScope scope = database.readOnly()) {
                    chain.doFilter(request, response);
                }
            }
        });
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        r.addUrlPatterns("/*");
        r.setName("readReplicaScope");
        return r;
    }
}
