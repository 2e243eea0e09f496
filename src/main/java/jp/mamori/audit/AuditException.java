package jp.mamori.audit;

/** The audit trail could not be written or read. A change whose audit entry fails is not stored. */
public class AuditException extends RuntimeException {
    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
