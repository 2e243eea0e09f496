package jp.mamori.partners;

import java.util.List;

/**
 * What a user handed in cannot be used: the message says what and where, Japanese first; a
 * workbook's problems are all listed (each bad cell named) and nothing of it was stored.
 */
public class PartnersException extends IllegalArgumentException {
    private final List<String> problems;

    public PartnersException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public PartnersException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
