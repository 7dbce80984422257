package org.hotline.app.engines;

/** An engine could not be started or stopped; the message says why and what to do. */
public class EngineException extends RuntimeException {
    private final boolean userError;

    private EngineException(String message, Throwable cause, boolean userError) {
        super(message, cause);
        this.userError = userError;
    }

    /** Something the user can fix: a port in use, a missing build step, an unreachable directory. */
    public static EngineException userError(String message) {
        return new EngineException(message, null, true);
    }

    /** The engine itself failed. */
    public static EngineException failure(String message, Throwable cause) {
        return new EngineException(message, cause, false);
    }

    public boolean isUserError() {
        return userError;
    }
}
