package jp.mamori.triage.cvss;

/** A vector string that does not follow its CVSS version's grammar. The message says what is wrong. */
final class InvalidCvssVectorException extends Exception {
    InvalidCvssVectorException(String message) {
        super(message);
    }
}
