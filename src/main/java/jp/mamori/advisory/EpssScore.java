package jp.mamori.advisory;

import java.time.LocalDate;

/** FIRST EPSS probability for one CVE on one score date. */
public record EpssScore(String cveId, double score, double percentile, LocalDate scoreDate, String modelVersion) {
}
