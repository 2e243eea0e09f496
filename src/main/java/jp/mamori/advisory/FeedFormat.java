package jp.mamori.advisory;

/**
 * The document formats {@link FeedDetector} tells apart, each with the {@link Source} whose
 * parser reads it. {@link #ZIP} and {@link #UNKNOWN} have no source: for a zip the caller decides
 * (an OSV {@code all.zip} for {@code --source osv}, or an offline bundle).
 */
public enum FeedFormat {
    /** NVD CVE API 2.0 response: {@code resultsPerPage}, {@code vulnerabilities[].cve}. */
    NVD_API_RESPONSE(Source.NVD),
    /** One NVD API 2.0 {@code cve} object (fkie-cad mirror layout). */
    NVD_CVE(Source.NVD),
    /** CVE JSON 5 record: {@code "dataType": "CVE_RECORD"}. */
    CVE5(Source.CVE5),
    /** CISA KEV JSON catalogue: {@code catalogVersion}. */
    KEV_JSON(Source.KEV),
    /** CISA KEV CSV: header with {@code cveID,vendorProject,...,dateAdded}. */
    KEV_CSV(Source.KEV),
    /** FIRST EPSS CSV: {@code #model_version:...} line or header {@code cve,epss,percentile}. */
    EPSS_CSV(Source.EPSS),
    /** FIRST EPSS API JSON: {@code data[]} of cve/epss/percentile, or one such object. */
    EPSS_JSON(Source.EPSS),
    /** OSV record ({@code id} with {@code schema_version}/{@code affected}/{@code modified}), or an array of them. */
    OSV(Source.OSV),
    /** CSAF 2.0 advisory or CSAF VEX: {@code document.csaf_version}. */
    CSAF(Source.CSAF),
    /** OpenVEX: {@code @context} naming openvex. */
    OPENVEX(Source.OPENVEX),
    /** MyJVN / JVN iPedia XML: JVNRSS (RDF/RSS with the {@code sec:} namespace) or VULDEF. */
    JVN_XML(Source.JVN),
    /** CycloneDX document that carries {@code vulnerabilities} (JSON or XML). */
    CYCLONEDX_VEX(Source.CYCLONEDX_VEX),
    /** A zip archive: OSV all.zip or an offline bundle. */
    ZIP(null),
    UNKNOWN(null);

    private final Source source;

    FeedFormat(Source source) { this.source = source; }

    /** The source whose parser reads this format; null for {@link #ZIP} and {@link #UNKNOWN}. */
    public Source source() { return source; }
}
