package jp.mamori.inventory.sbom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jp.mamori.inventory.sbom.cyclonedx.CycloneDxJsonReader;
import jp.mamori.inventory.sbom.cyclonedx.CycloneDxXmlReader;
import jp.mamori.inventory.sbom.spdx.SpdxJsonReader;
import jp.mamori.inventory.sbom.spdx.SpdxTagValueReader;
import jp.mamori.inventory.sbom.table.VendorTableReader;

/**
 * Reads one SBOM, whatever its format: CycloneDX 1.2–1.6 JSON and 1.0–1.6 XML (validated against the
 * CycloneDX schema of the document's own version), SPDX 2.2/2.3 JSON and tag-value, and vendor tables
 * (CSV in UTF-8 or Shift_JIS, Excel .xlsx). The format is detected from the content.
 *
 * <p>Every refusal is a {@link SbomFormatException} naming the file and, where there is one, the place
 * (line and column, JSON pointer, XML element). The whole document is read before anything is
 * returned, so a caller that stores the result never stores half a document.
 *
 * <p>Schema problems refuse the document ({@link Strictness#STRICT}) or become warnings naming their
 * place ({@link Strictness#LENIENT}, what users get unless they ask for strict): see {@link Strictness}.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class SbomReader {
    private final SbomLimits limits;
    private final CpeSuggester cpeSuggester;
    private final Strictness strictness;

    /** Strict: any schema problem refuses the document. */
    public SbomReader() {
        this(SbomLimits.defaults(), CpeSuggester.NONE);
    }

    /** @param cpeSuggester asked for a CPE for each vendor-table row; {@link CpeSuggester#NONE} for none */
    public SbomReader(SbomLimits limits, CpeSuggester cpeSuggester) {
        this(limits, cpeSuggester, Strictness.STRICT);
    }

    /** @param strictness whether a schema problem refuses the document or becomes a warning */
    public SbomReader(SbomLimits limits, CpeSuggester cpeSuggester, Strictness strictness) {
        this.limits = limits;
        this.cpeSuggester = cpeSuggester == null ? CpeSuggester.NONE : cpeSuggester;
        this.strictness = strictness == null ? Strictness.STRICT : strictness;
    }

    /** The size is checked before the file is read, so an oversized file costs nothing. */
    public SbomDocument read(Path file) throws IOException, SbomFormatException {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SbomFormatException(name, null, "ファイルがありません / file does not exist");
        }
        checkSize(size, name);
        return read(Files.readAllBytes(file), name);
    }

    /** @param fileName used in messages only; the format comes from the bytes */
    public SbomDocument read(byte[] bytes, String fileName) throws SbomFormatException {
        checkSize(bytes.length, fileName);
        if (bytes.length == 0) throw new SbomFormatException(fileName, null, "ファイルが空です / the file is empty");
        FormatDetector.Detected d = FormatDetector.detect(bytes, fileName, limits);
        SbomDocument doc = switch (d.format()) {
            case CYCLONEDX_JSON -> new CycloneDxJsonReader(limits, strictness).read(bytes, fileName);
            case CYCLONEDX_XML -> new CycloneDxXmlReader(strictness).read(bytes, fileName, d.xmlNamespace());
            case SPDX_JSON -> new SpdxJsonReader(limits).read(bytes, fileName);
            case SPDX_TAG_VALUE -> new SpdxTagValueReader().read(bytes, fileName);
            case VENDOR_CSV -> new VendorTableReader(cpeSuggester).readCsv(bytes, fileName);
            case VENDOR_XLSX -> new VendorTableReader(cpeSuggester).readXlsx(bytes, fileName);
        };
        // issue 18.9: one SBOM or vendor table at most MAX_COMPONENTS components, so that no document
        // makes every later import and re-match slow for the whole instance
        if (doc.components().size() > SbomLimits.MAX_COMPONENTS) {
            throw new SbomFormatException(fileName, null, "コンポーネントが多すぎます（" + doc.components().size() + " 件、上限 "
                    + SbomLimits.MAX_COMPONENTS + " 件） / too many components (" + doc.components().size() + "; at most "
                    + SbomLimits.MAX_COMPONENTS + " per SBOM or vendor table)");
        }
        return doc;
    }

    private void checkSize(long size, String name) throws SbomFormatException {
        if (size > limits.maxBytes()) {
            throw new SbomFormatException(name, null, "ファイルが大きすぎます（" + size + " バイト、上限 " + limits.maxBytes()
                    + " バイト） / the file is " + size + " bytes; SBOMs larger than " + limits.maxBytes() + " bytes are not accepted");
        }
    }
}
