package jp.mamori.advisory;

import java.time.LocalDate;

/** CISA Known Exploited Vulnerabilities catalogue entry. ransomware: "Known" or "Unknown". */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName,
                       LocalDate dateAdded, LocalDate dueDate, String shortDescription,
                       String requiredAction, String ransomware, String notes) {
}
