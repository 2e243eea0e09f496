package jp.mamori.web.findings;

/** Binds the list parameters (shared by the page and the API). */
final class FindingParams {
    private FindingParams() { }

    static FindingViews.ListRequest of(String state, String outcome, Long system, Long asset, String q, String severity, String boundary,
                                       String overdue, String candidates, String vuln, String sort, String dir, Integer page, Integer size) {
        Boolean b = boundary == null || boundary.isBlank() ? null : Boolean.valueOf("true".equalsIgnoreCase(boundary) || "yes".equalsIgnoreCase(boundary) || "1".equals(boundary));
        boolean od = "true".equalsIgnoreCase(overdue) || "yes".equalsIgnoreCase(overdue) || "1".equals(overdue);
        return new FindingViews.ListRequest(state, outcome, system, asset, q, severity, b, od, candidates, vuln, sort, dir,
                page == null ? 0 : page, size == null ? 0 : size);
    }
}
