package jp.mamori.advisory.jvn;

import java.util.regex.Pattern;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeBuilder;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.exceptions.CpeValidationException;

/**
 * JVN product CPEs to versionless CPE 2.3 formatted strings. JVN names products, not versions
 * (SPEC §6), so only part, vendor and product are kept. MyJVN OKA writes CPE 2.3 strings that
 * still carry CPE 2.2 percent-encoding ({@code %28idc%29}); those are decoded first so that the
 * result equals the conversion of the same product's CPE 2.2 URI.
 */
final class JvnCpe {
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private JvnCpe() { }

    /** Returns the versionless CPE 2.3 name, or the input unchanged when it is not a CPE at all. */
    static String versionless(String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        try {
            Cpe cpe;
            if (s.startsWith("cpe:2.3:") && PERCENT.matcher(s).find()) {
                String[] f = s.split(":", -1);
                if (f.length < 5) return s;
                cpe = CpeParser.parse("cpe:/" + f[2] + ":" + f[3] + ":" + f[4], true);
            } else {
                cpe = CpeParser.parse(s, true);
            }
            return new CpeBuilder().part(cpe.getPart())
                    .wfVendor(cpe.getWellFormedVendor())
                    .wfProduct(cpe.getWellFormedProduct())
                    .build().toCpe23FS();
        } catch (CpeParsingException | CpeValidationException | RuntimeException e) {
            // Keep what JVN wrote: a malformed CPE is still a useful product hint.
            return s;
        }
    }
}
