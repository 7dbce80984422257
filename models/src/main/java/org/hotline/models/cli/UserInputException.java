package org.hotline.models.cli;

/** A problem with what the user passed (file, flag value): reported as one line, exit code 2, no stack trace. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
