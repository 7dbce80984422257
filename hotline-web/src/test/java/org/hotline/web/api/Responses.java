package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Handler results as the client sees them: the JSON body, or the refusal's status and message. */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static JsonNode json(ApiResponse response) {
        assertThat(response.status()).isEqualTo(200);
        try {
            return JSON.readTree(Json.write(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode ok(ApiHandler handler, ApiRequest request) {
        try {
            return json(handler.handle(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiException refusal(ApiHandler handler, ApiRequest request) {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> handler.handle(request));
        assertThat(refusal).as("a refusal of %s %s", request.method(), request.path()).isNotNull();
        return refusal;
    }
}
