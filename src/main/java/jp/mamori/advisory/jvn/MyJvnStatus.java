package jp.mamori.advisory.jvn;

import java.util.function.UnaryOperator;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;

/**
 * The MyJVN {@code status:Status} block (XML attributes or OKA JSON "status" object). Paging
 * values go to the sink as meta ({@code totalRes}, {@code totalResRet}, {@code firstRes}) so that
 * the sync can request the next page; a non-zero {@code retCd} is MyJVN reporting an error, which
 * is raised rather than imported as an empty result.
 */
final class MyJvnStatus {
    static final String[] PAGING = {"totalRes", "totalResRet", "firstRes"};

    private MyJvnStatus() { }

    /**
     * @param value reads one status field by name (null when absent)
     * @param error builds an error located at the status block
     */
    static void apply(UnaryOperator<String> value, FeedSink sink, java.util.function.Function<String, FeedFormatException> error)
            throws FeedFormatException {
        String retCd = blankToNull(value.apply("retCd"));
        if (retCd != null && !retCd.equals("0")) {
            String errCd = blankToNull(value.apply("errCd"));
            String errMsg = blankToNull(value.apply("errMsg"));
            throw error.apply("MyJVN returned an error: retCd=" + retCd
                    + (errCd == null ? "" : " errCd=" + errCd) + (errMsg == null ? "" : " " + errMsg));
        }
        for (String key : PAGING) {
            String v = blankToNull(value.apply(key));
            if (v != null) sink.meta(key, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
