package jp.mamori.advisory;

import jp.mamori.advisory.csaf.CsafParser;
import jp.mamori.advisory.cve5.Cve5Parser;
import jp.mamori.advisory.epss.EpssParser;
import jp.mamori.advisory.jvn.JvnParser;
import jp.mamori.advisory.kev.KevParser;
import jp.mamori.advisory.nvd.NvdParser;
import jp.mamori.advisory.osv.OsvParser;
import jp.mamori.advisory.vex.CycloneDxVexParser;
import jp.mamori.advisory.vex.OpenVexParser;

/** The one place that maps a source to its parser. */
public final class FeedParsers {
    private FeedParsers() { }

    public static FeedParser forSource(Source source) {
        return switch (source) {
            case NVD -> new NvdParser();
            case CVE5 -> new Cve5Parser();
            case JVN -> new JvnParser();
            case KEV -> new KevParser();
            case EPSS -> new EpssParser();
            case OSV -> new OsvParser();
            case CSAF -> new CsafParser();
            case OPENVEX -> new OpenVexParser();
            case CYCLONEDX_VEX -> new CycloneDxVexParser();
        };
    }
}
