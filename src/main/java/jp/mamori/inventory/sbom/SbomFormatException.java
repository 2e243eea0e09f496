package jp.mamori.inventory.sbom;

/** An SBOM that cannot be read; the message names the file and the place in it. */
public class SbomFormatException extends Exception {
    public SbomFormatException(String file, String location, String message) {
        super(file + (location == null ? "" : " (" + location + ")") + ": " + message);
    }

    public SbomFormatException(String file, String location, String message, Throwable cause) {
        super(file + (location == null ? "" : " (" + location + ")") + ": " + message, cause);
    }
}
