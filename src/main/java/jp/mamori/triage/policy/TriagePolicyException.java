package jp.mamori.triage.policy;

/** A policy file that cannot be used; the message names the file and the place in it. */
public final class TriagePolicyException extends IllegalArgumentException {
    public TriagePolicyException(String message, Throwable cause) {
        super(message, cause);
    }

    public TriagePolicyException(String message) {
        super(message);
    }
}
