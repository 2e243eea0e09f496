package jp.mamori.web.support;

import jp.mamori.app.Mamori;
import jp.mamori.app.jobs.JobWorker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code mamori serve} node works on the shared job table (ADR 0016) unless
 * {@code MAMORI_JOB_WORKER=false}; {@code MAMORI_NODE_ID} names the node (else host + random).
 */
@Configuration
public class JobWorkerBean {

    @Bean(destroyMethod = "close")
    public JobWorker jobWorker(Mamori mamori) {
        JobWorker worker = new JobWorker(mamori, JobWorker.Settings.from(System.getenv()), System.getenv("MAMORI_NODE_ID"));
        if (!"false".equalsIgnoreCase(System.getenv("MAMORI_JOB_WORKER"))) worker.start();
        return worker;
    }
}
