package jp.mamori.persistence;

/** The database cannot be reached or its schema does not fit this version of Mamori (exit code 3). */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
