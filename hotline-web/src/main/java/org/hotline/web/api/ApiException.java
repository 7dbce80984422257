package org.hotline.web.api;

import java.util.List;

/** A refusal with its HTTP status and a message for the caller; becomes {@code {"error": message}}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<String> allowedMethods;

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    private ApiException(int status, String message, List<String> allowedMethods) {
        super(message, null, false, false);
        this.status = status;
        this.allowedMethods = allowedMethods;
    }

    /** 405, with the methods that would have worked (the {@code Allow} header). */
    public static ApiException methodNotAllowed(String method, String path, List<String> allowed) {
        return new ApiException(405, method + " is not allowed on " + path + "; use " + String.join(" or ", allowed),
                allowed);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public int status() {
        return status;
    }

    /** Empty unless this is a 405. */
    public List<String> allowedMethods() {
        return allowedMethods;
    }
}
