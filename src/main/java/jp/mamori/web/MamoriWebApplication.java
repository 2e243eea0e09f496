package jp.mamori.web;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.mamori.persistence.Database;
import jp.mamori.security.SecurityBeans;
import jp.mamori.web.support.EdgeSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Spring edge: web, security and wiring. The database is opened (and migrated) by the CLI
 * before Spring starts, so the server and the command line share one code path to the schema.
 */
@SpringBootApplication(scanBasePackages = {"jp.mamori.web", "jp.mamori.security"})
public class MamoriWebApplication {

    public static ConfigurableApplicationContext start(Database db, String bind, int port) {
        return start(db, bind, port, defaultDataDir(db));
    }

    /** {@code dataDir}: where the server keeps its secret key (secret.key) unless MAMORI_SECRET_KEY is set. */
    public static ConfigurableApplicationContext start(Database db, String bind, int port, Path dataDir) {
        return start(db, bind, port, dataDir, System.getenv());
    }

    /**
     * {@code env}: {@code MAMORI_TRUSTED_PROXY} (the TLS proxy's addresses, whose forwarded headers are believed)
     * and {@code MAMORI_BASE_URL} (redirects' origin), see {@link EdgeSettings}; a bad value stops the start.
     */
    public static ConfigurableApplicationContext start(Database db, String bind, int port, Path dataDir, Map<String, String> env) {
        return start(db, bind, port, dataDir, env, Map.of());
    }

    /** {@code properties}: Spring properties over the defaults (application.properties), e.g. the session timeouts in a test. */
    static ConfigurableApplicationContext start(Database db, String bind, int port, Path dataDir, Map<String, String> env, Map<String, Object> properties) {
        SpringApplication app = new SpringApplication(MamoriWebApplication.class);
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", port);
        props.put("server.address", bind);
        props.put("server.tomcat.remoteip.internal-proxies", EdgeSettings.internalProxies(env));
        props.put(EdgeSettings.BASE_URL_PROPERTY, EdgeSettings.baseUrl(env));
        props.put(SecurityBeans.DATA_DIR_PROPERTY, dataDir.toAbsolutePath().normalize().toString());
        app.setDefaultProperties(props);
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("mamoriDatabase", db);
            if (!properties.isEmpty()) {
                ctx.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("mamori-start", properties));
            }
        });
        return app.run();
    }

    /** The embedded database's directory, else ./data. */
    static Path defaultDataDir(Database db) {
        String url = db.settings().url();
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length());
            int semi = file.indexOf(';');
            Path p = Path.of(semi < 0 ? file : file.substring(0, semi)).getParent();
            if (p != null) return p;
        }
        return Path.of("data");
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
