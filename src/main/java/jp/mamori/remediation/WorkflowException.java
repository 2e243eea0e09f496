package jp.mamori.remediation;

/**
 * A decision that cannot be recorded as given (bad input, not an outage): the message says why in
 * Japanese first, then in English, so the CLI and the web layer can show it as it is.
 */
public class WorkflowException extends RuntimeException {
    private final String ja;
    private final String en;

    public WorkflowException(String ja, String en) {
        super(ja + " / " + en);
        this.ja = ja;
        this.en = en;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }
}
