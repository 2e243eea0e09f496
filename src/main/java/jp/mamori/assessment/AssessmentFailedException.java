package jp.mamori.assessment;

/**
 * Assessing one element of a run failed (a component could not be matched, a vulnerability not
 * triaged): names that element, with what went wrong as the cause. Nothing of the run is returned.
 */
public final class AssessmentFailedException extends RuntimeException {

    private final String element;

    public AssessmentFailedException(String element, RuntimeException cause) {
        super(element + " を評価できませんでした / could not assess " + element + ": " + cause.getMessage(), cause);
        this.element = element;
    }

    /** The element that failed, as the message names it. */
    public String element() {
        return element;
    }
}
