package jp.mamori.cli;

import java.util.function.Supplier;
import jp.mamori.remediation.WorkflowException;

/** Bad usage or bad input detected by a command (exit code 2). */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs work whose refusals (an unknown value, a rule of the workflow) are the user's input, not a failure. */
    static <T> T wrap(Supplier<T> work) {
        try {
            return work.get();
        } catch (WorkflowException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
