package jp.mamori.web.support;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The server's edge (issue 18.10): redirects never carry the request's Host ({@link RedirectLocations}), and
 * Tomcat's own error pages carry the security headers ({@link SecureErrorReportValve}, replacing the valve
 * Spring Boot installs).
 */
@Configuration
public class TomcatEdge {

    @Bean
    FilterRegistrationBean<RedirectLocations> redirectLocations(@Value("${" + EdgeSettings.BASE_URL_PROPERTY + ":}") String baseUrl) {
        FilterRegistrationBean<RedirectLocations> r = new FilterRegistrationBean<>(new RedirectLocations(baseUrl));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC);
        r.setName("redirectLocations");
        return r;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> secureErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container host = context.getParent();
                    for (Valve v : host.getPipeline().getValves()) {
                        if (v instanceof ErrorReportValve && !(v instanceof SecureErrorReportValve)) host.getPipeline().removeValve(v);
                    }
                    SecureErrorReportValve valve = new SecureErrorReportValve();
                    valve.setShowReport(false);
                    valve.setShowServerInfo(false);
                    host.getPipeline().addValve(valve);
                    if (host instanceof StandardHost h) h.setErrorReportValveClass(SecureErrorReportValve.class.getName());
                });
            }
        };
    }
}
