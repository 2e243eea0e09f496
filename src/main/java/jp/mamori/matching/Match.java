package jp.mamori.matching;

import java.util.List;
import jp.mamori.advisory.Source;

/**
 * One vulnerability that applies to one target, with its evidence.
 *
 * @param by         the kind of identifier that was used (purl or CPE)
 * @param source     the knowledge-base source whose statement matched
 * @param documentId the statement's id in that source
 * @param criterion  the range or CPE criterion that matched, as text
 * @param scheme     the version scheme that compared the versions
 * @param identifier the target's purl or CPE used for the match
 * @param alsoBy     other statements that matched the same vulnerability ("nvd:CVE-… cpe …")
 * @param note       anything the user should know about the evaluation (e.g. a GIT range skipped)
 * @param runningOn  the "running on" entries of an AND configuration and the part of the asset that
 *                   satisfied each ("cpe:2.3:h:… ← component hw (ADC hardware) cpe:2.3:h:…")
 */
public record Match(String vulnId, MatchedBy by, Source source, String documentId, String criterion, String scheme,
                    String identifier, Confidence confidence, List<String> fixedIn, List<String> alsoBy, String note,
                    List<String> runningOn) {
    public Match {
        fixedIn = fixedIn == null ? List.of() : List.copyOf(fixedIn);
        alsoBy = alsoBy == null ? List.of() : List.copyOf(alsoBy);
        runningOn = runningOn == null ? List.of() : List.copyOf(runningOn);
    }

    public Match(String vulnId, MatchedBy by, Source source, String documentId, String criterion, String scheme,
                 String identifier, Confidence confidence, List<String> fixedIn, List<String> alsoBy, String note) {
        this(vulnId, by, source, documentId, criterion, scheme, identifier, confidence, fixedIn, alsoBy, note, List.of());
    }

    /** "purl/osv": the identifier kind and the source, as reports and the stored evidence name them. */
    public String provenance() {
        return by.key() + "/" + source.key();
    }

    public boolean isCandidate() {
        return confidence == Confidence.LOW;
    }

    Match withAlsoBy(List<String> more) {
        return new Match(vulnId, by, source, documentId, criterion, scheme, identifier, confidence, fixedIn, more, note, runningOn);
    }
}
