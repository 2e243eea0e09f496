package jp.mamori.web.support;

import java.nio.file.Path;
import java.time.Clock;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.persistence.Database;
import jp.mamori.security.SecurityBeans;
import jp.mamori.triage.policy.TriagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The server's one {@link Mamori}, over the database the command line opened; its parts and use
 * cases are what controllers call, so the web does exactly what the CLI does for the same action.
 */
@Configuration
public class MamoriBeans {

    @Bean
    public Mamori mamori(Database database, Clock webClock, Environment env) {
        Path dataDir = Path.of(env.getProperty(SecurityBeans.DATA_DIR_PROPERTY, "data"));
        return Mamori.open(database, webClock, new MamoriSettings(dataDir, System.getenv()));
    }

    /** MAMORI_POLICY (a YAML file) when set, else policy.yaml in the data directory, else the defaults (as the CLI). */
    @Bean
    public TriagePolicy triagePolicy(Mamori mamori) {
        return mamori.policy();
    }
}
