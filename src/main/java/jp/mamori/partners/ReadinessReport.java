package jp.mamori.partners;

import java.time.LocalDate;
import java.util.List;

/**
 * 準備状況レポート: for each countermeasure of the ministry's report, a status with its evidence.
 * Built from the stored facts on one day; issuing it stores an immutable snapshot.
 */
public record ReadinessReport(String schema, String organizationCode, String organizationName, LocalDate asOf, List<Row> rows) {
    public static final String SCHEMA = "mamori.readiness/1";

    public ReadinessReport {
        rows = List.copyOf(rows);
    }

    /** One countermeasure: key, title (ja, en), the ministry's countermeasure it checks, status, evidence lines. */
    public record Row(String key, String titleJa, String titleEn, String countermeasure, Status status, List<String> evidence) {
        public Row {
            evidence = List.copyOf(evidence);
        }
    }

    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    public long count(Status s) {
        return rows.stream().filter(r -> r.status() == s).count();
    }
}
