package jp.mamori.triage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.Reference;

/** Small builders for triage tests; every value is written for the tests, none copied from feeds. */
public final class Facts {
    /** 2026-11-26 09:00 in Tokyo. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    public static final String CRITICAL_RCE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private String id = "CVE-2099-0001";
    private final List<CvssScore> cvss = new ArrayList<>();
    private KevEntry kev;
    private EpssScore epss;
    private final List<Reference> refs = new ArrayList<>();
    private boolean exploited;
    private String exploitedEvidence;

    public static Facts vuln(String id) {
        Facts f = new Facts();
        f.id = id;
        return f;
    }

    public Facts nvd(String vector) {
        cvss.add(new CvssScore(vector.startsWith("CVSS:4.0") ? "4.0" : "3.1", vector, null, "nvd", "Primary"));
        return this;
    }

    public Facts cvss(CvssScore s) {
        cvss.add(s);
        return this;
    }

    public Facts kev(String dateAdded, String dueDate, String ransomware) {
        kev = new KevEntry(id, "Vendor", "Product", "Name", LocalDate.parse(dateAdded), LocalDate.parse(dueDate),
                "desc", "Apply mitigations per vendor instructions.", ransomware, null);
        return this;
    }

    public Facts epss(double score, double percentile) {
        epss = new EpssScore(id, score, percentile, LocalDate.of(2026, 11, 25), "v2026.06.15");
        return this;
    }

    public Facts exploitRef(String url) {
        refs.add(new Reference(url, List.of("Exploit", "Third Party Advisory")));
        return this;
    }

    public Facts ref(String url, String... tags) {
        refs.add(new Reference(url, List.of(tags)));
        return this;
    }

    public Facts exploitedPer(String evidence) {
        exploited = true;
        exploitedEvidence = evidence;
        return this;
    }

    public VulnerabilityFacts build() {
        return new VulnerabilityFacts(id, cvss, kev, epss, refs, exploited, exploitedEvidence);
    }
}
