package jp.mamori.app.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.FeedDetector;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.feed.FeedInputs;
import jp.mamori.advisory.FeedParsers;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.Assessor;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.matching.MatchTarget;
import jp.mamori.matching.Platform;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;

/**
 * "Scan an SBOM": the one entry every front end calls to ask what in a component list is
 * vulnerable, how urgent and why — nothing is stored. The document is read with the same limits
 * as an upload; VEX documents given by the user are applied on top of the knowledge base's.
 */
public final class ScanSbom {

    private final Mamori mamori;

    public ScanSbom(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(SbomDocument document, List<AssessedFinding> findings) { }

    public Result run(Path sbom, AssetContext context, List<Path> vexFiles) {
        SbomDocument doc = read(sbom);
        return new Result(doc, assess(doc, context, readVex(vexFiles)));
    }

    /** Whether the knowledge base has records, and how old its newest data is (ask before trusting an empty result). */
    public KnowledgeFreshness freshness(int maxAgeDays) {
        // The feed status counts and dates every statement with a scan of the whole table (seconds at
        // NVD scale); a current index carries the same figures, counted when it was built.
        java.util.Optional<jp.mamori.advisory.index.MatchIndex> index = currentIndex(mamori);
        if (index.isPresent()) return KnowledgeFreshness.ofIndex(index.get().statementsBySource(), mamori.clock(), maxAgeDays);
        return KnowledgeFreshness.of(jp.mamori.advisory.store.FeedStatus.read(mamori.database().dataSource()), mamori.clock(), maxAgeDays);
    }

    /** Every finding of the document, most urgent first. */
    public List<AssessedFinding> assess(SbomDocument doc, AssetContext context, List<VexStatement> vex) {
        Assessor assessor = assessor(mamori, new Triage(mamori.policy(), mamori.clock()), vex);
        List<AssessedFinding> findings = new ArrayList<>();
        assessor.assessAll(targets(doc), context).forEach(findings::addAll);
        findings.sort(FindingOrder.PRIORITY);
        return findings;
    }

    /**
     * Over the compiled match index when it is current (ADR 0015), else over the database's index
     * tables; both find the same statements, so the findings are the same.
     */
    public static Assessor assessor(Mamori mamori, Triage triage, List<VexStatement> vex) {
        java.util.Optional<jp.mamori.advisory.index.MatchIndex> index = currentIndex(mamori);
        if (index.isEmpty()) return Assessor.overStore(mamori.database().dataSource(), triage, vex);
        return Assessor.overIndex(index.get(), mamori.database().dataSource(), triage, vex);
    }

    /** The current compiled match index, or empty when there is none to use (then the database answers the same). */
    private static java.util.Optional<jp.mamori.advisory.index.MatchIndex> currentIndex(Mamori mamori) {
        try {
            return mamori.matchIndexes().current();
        } catch (jp.mamori.advisory.index.MatchIndexes.MatchIndexException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The components, plus the described product itself when it carries an identifier (a device's
     * firmware CPE). The document is the platform: every CPE in it can satisfy "running on".
     */
    public static List<MatchTarget> targets(SbomDocument doc) {
        List<Component> parts = new ArrayList<>();
        Component s = doc.subject();
        if (s != null && !s.hasNoIdentifier()) parts.add(s);
        for (Component c : doc.components()) {
            if (!c.hasNoIdentifier()) parts.add(c);
        }
        List<Platform.Entry> entries = new ArrayList<>();
        for (Component c : parts) entries.add(new Platform.Entry(c.cpe(), "component " + c.ref() + " (" + c.displayName() + ")"));
        Platform platform = Platform.of(entries);
        List<MatchTarget> out = new ArrayList<>();
        for (Component c : parts) {
            out.add(new MatchTarget(c.ref(), c.displayName(), c.version(), c.purl(), c.cpe(), platform,
                    c.idOrigin() == jp.mamori.inventory.sbom.IdentifierOrigin.SUGGESTED));
        }
        return out;
    }

    /**
     * Reads an SBOM without a database (no identifier suggestions), as {@code sbom add} does (ADR 0018): schema
     * problems are warnings on the document when it can be read safely.
     */
    public static SbomDocument read(Path file) {
        return read(file, jp.mamori.inventory.sbom.Strictness.LENIENT);
    }

    /** {@code STRICT}: any schema problem refuses the document ({@code mamori scan --strict}). */
    public static SbomDocument read(Path file, jp.mamori.inventory.sbom.Strictness strictness) {
        try {
            return new SbomReader(SbomLimits.defaults(), jp.mamori.inventory.sbom.CpeSuggester.NONE, strictness).read(file);
        } catch (SbomFormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** The statements of the user's VEX documents (OpenVEX, CycloneDX VEX, CSAF VEX). */
    public static List<VexStatement> readVex(List<Path> files) {
        List<VexStatement> out = new ArrayList<>();
        if (files == null) return out;
        for (Path f : files) {
            try {
                FeedDetector.Detection det = FeedDetector.detect(f);
                Source s = det.source();
                if (s != Source.OPENVEX && s != Source.CYCLONEDX_VEX && s != Source.CSAF) {
                    throw new InvalidInputException(f + ": VEX文書ではありません / not a VEX document (OpenVEX, CycloneDX VEX or CSAF VEX): " + det.reason());
                }
                try (var in = FeedInputs.open(f)) {
                    FeedParsers.forSource(s).parse(in, f.toString(), new FeedSink() {
                        @Override
                        public void vex(VexStatement statement) {
                            out.add(statement);
                        }
                    });
                }
            } catch (FeedFormatException e) {
                throw new InvalidInputException(e.getMessage(), e);
            } catch (jp.mamori.advisory.feed.DamagedGzipException e) {
                throw new InvalidInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new InvalidInputException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
