package jp.mamori.matching;

import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.Source;
import jp.mamori.matching.version.VersionScheme;

/**
 * One vulnerability that applies to one target, with its evidence. Made by the engine through the
 * factories named for how it matched (in a package range, in a CPE configuration, a CPE candidate);
 * the record's own constructor is the one place every field is set.
 *
 * @param by         the kind of identifier that was used (purl or CPE)
 * @param source     the knowledge-base source whose statement matched
 * @param documentId the statement's id in that source
 * @param criterion  the range or CPE criterion that matched, as text
 * @param scheme     the version scheme that compared the versions (none for a candidate)
 * @param identifier the target's purl or CPE used for the match
 * @param alsoBy     other statements that matched the same vulnerability ("nvd:CVE-… cpe …")
 * @param note       anything the user should know about the evaluation (e.g. a GIT range skipped)
 * @param runningOn  the "running on" entries of an AND configuration and the part of the asset that
 *                   satisfied each ("cpe:2.3:h:… ← component hw (ADC hardware) cpe:2.3:h:…")
 * @param suggestedIdentifier the identifier was suggested by Mamori, not declared nor confirmed by a person:
 *                   the match is a candidate (推定) of at most medium confidence until someone confirms it
 */
public record Match(String vulnId, MatchedBy by, Source source, String documentId, String criterion, VersionScheme scheme,
                    String identifier, Confidence confidence, List<String> fixedIn, List<String> alsoBy, String note,
                    List<String> runningOn, boolean suggestedIdentifier) {

    /** The evidence's words for a match that rests on a suggested identifier. */
    public static final String SUGGESTED_NOTE = "識別子はMamoriの推定です（SBOMに記載なし・未確認）。確認すると通常の検出になります"
            + " / the identifier was suggested by Mamori (not in the SBOM, not confirmed); confirm it to make this a finding";

    public Match {
        fixedIn = fixedIn == null ? List.of() : List.copyOf(fixedIn);
        alsoBy = alsoBy == null ? List.of() : List.copyOf(alsoBy);
        runningOn = runningOn == null ? List.of() : List.copyOf(runningOn);
    }

    /**
     * A package version inside an affected range of {@code a}: compared by {@code scheme}, so of
     * high confidence. The other statements and suggestion are added by the engine's reduction.
     */
    public static Match inPackageRange(Advisory a, String criterion, VersionScheme scheme, String identifier, List<String> fixedIn,
                                       String note) {
        return new Match(a.vulnId(), MatchedBy.PURL, a.source(), a.documentId(), criterion, scheme, identifier, Confidence.HIGH,
                fixedIn, List.of(), note, List.of(), false);
    }

    /** A CPE that satisfies a configuration of {@code a}, with what satisfied each "running on" entry. */
    public static Match inCpeConfiguration(Advisory a, String criterion, VersionScheme scheme, String identifier, Confidence confidence,
                                           List<String> fixedIn, List<String> runningOn) {
        return new Match(a.vulnId(), MatchedBy.CPE, a.source(), a.documentId(), criterion, scheme, identifier, confidence,
                fixedIn, List.of(), null, runningOn, false);
    }

    /** A CPE that only resembles one {@code a} names (no version compared): a low-confidence candidate, {@code reason} saying why. */
    public static Match cpeCandidate(Advisory a, String namedCpe, String identifier, String reason) {
        return new Match(a.vulnId(), MatchedBy.CPE, a.source(), a.documentId(), namedCpe, null, identifier, Confidence.LOW,
                List.of(), List.of(), reason, List.of(), false);
    }

    /** "purl/osv": the identifier kind and the source, as reports and the stored evidence name them. */
    public String provenance() {
        return by.key() + "/" + source.key();
    }

    public boolean isCandidate() {
        return confidence == Confidence.LOW || suggestedIdentifier;
    }

    Match withAlsoBy(List<String> more) {
        return new Match(vulnId, by, source, documentId, criterion, scheme, identifier, confidence, fixedIn, more, note, runningOn,
                suggestedIdentifier);
    }

    /** The same match resting on a suggested identifier: a candidate, confidence at most MEDIUM. */
    Match asSuggested() {
        Confidence c = confidence == Confidence.HIGH ? Confidence.MEDIUM : confidence;
        return new Match(vulnId, by, source, documentId, criterion, scheme, identifier, c, fixedIn, alsoBy, note, runningOn, true);
    }
}
