package jp.mamori.web;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.mamori.persistence.Database;
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
        SpringApplication app = new SpringApplication(MamoriWebApplication.class);
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", port);
        props.put("server.address", bind);
        app.setDefaultProperties(props);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("mamoriDatabase", db));
        return app.run();
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
