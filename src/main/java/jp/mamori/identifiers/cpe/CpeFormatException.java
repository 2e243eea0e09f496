package jp.mamori.identifiers.cpe;

/** A string that is neither a CPE 2.3 formatted string nor a CPE 2.2 URI. */
public class CpeFormatException extends IllegalArgumentException {
    public CpeFormatException(String cpe, Throwable cause) {
        super("not a valid CPE name: '" + cpe + "'" + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }
}
