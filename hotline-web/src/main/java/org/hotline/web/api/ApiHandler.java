package org.hotline.web.api;

import java.io.IOException;

/** One endpoint of the JSON API: a request in, a response out; refusals are {@link ApiException}s. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request) throws IOException;
}
