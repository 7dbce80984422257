package org.hotline.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.hotline.models.records.HotlineRecordJson;

/** Reading request bodies and fields with 400s that say what is wrong; writing responses. */
public final class Json {
    private static final ObjectMapper MAPPER = HotlineRecordJson.newMapper();

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A text field, stripped; null when absent, null or blank. */
    public static String text(ObjectNode body, String field, int maxChars) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field + " must be a string, not " + typeOf(node));
        }
        return Params.limited(field, node.textValue(), maxChars);
    }

    /** A whole number field within [min, max]; {@code fallback} when absent or null. */
    public static int integer(ObjectNode body, String field, int fallback, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw ApiException.badRequest(field + " must be a whole number from " + min + " to " + max + ", not "
                    + node);
        }
        return Params.within(field, node.intValue(), min, max);
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
