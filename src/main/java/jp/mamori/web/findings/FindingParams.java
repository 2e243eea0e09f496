package jp.mamori.web.findings;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The list parameters of {@code /findings} and {@code /api/v1/findings}, every one optional, bound once for
 * the page and the API (a value that does not convert, e.g. {@code system=abc}, answers 400 as a bad parameter).
 */
public record FindingParams(String state, String outcome, Long system, Long asset, String q, String severity, String boundary,
                            String overdue, String candidates, String vuln, String sort, String dir, Integer page, Integer size) {

    /** The model attribute's name, for the controllers' {@code @InitBinder}. */
    static final String NAME = "findingParams";

    FindingViews.ListRequest request() {
        Boolean b = boundary == null || boundary.isBlank() ? null : Boolean.valueOf(yes(boundary));
        return new FindingViews.ListRequest(state, outcome, system, asset, q, severity, b, yes(overdue), candidates, vuln, sort, dir,
                page == null ? 0 : page, size == null ? 0 : size);
    }

    private static boolean yes(String v) {
        return "true".equalsIgnoreCase(v) || "yes".equalsIgnoreCase(v) || "1".equals(v);
    }

    /** Only the query's parameters bind: Spring would also take a request header of a parameter's name (e.g. {@code Size}). */
    static void parametersOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder b) b.setHeaderPredicate(header -> false);
    }
}
