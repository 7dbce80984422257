package org.hotline.ingest.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes dead letters as one JSON object each (the shape is documented in docs/intake-template.md,
 * "Dead letters"). Deterministic: the same dead letter always gives the same bytes, so a replay is idempotent.
 *
 * <p>With {@code maskPayload} (the default) the stored payload has its PII masked like accepted records;
 * bytes that are not UTF-8 are then decoded with replacement characters first ({@code utf8-lossy}), because
 * base64 would carry the raw PII. Without it the payload is kept exactly: as text when it is UTF-8, else
 * base64. Either way the payload is cut at {@code maxPayloadBytes} so a huge record still fits a Kafka message.
 */
public final class DeadLetterEncoder {
    /**
     * Even if every kept byte were a control character, written as a six-character JSON escape, a dead letter
     * stays under Kafka's default 1 MiB message limit.
     */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 128 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean maskPayload;
    private final int maxPayloadBytes;

    public DeadLetterEncoder(boolean maskPayload, int maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 0: " + maxPayloadBytes);
        }
        this.maskPayload = maskPayload;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Masked payloads, cut at {@link #DEFAULT_MAX_PAYLOAD_BYTES}. */
    public static DeadLetterEncoder safeDefault() {
        return new DeadLetterEncoder(true, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** The wire form of one dead letter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"reason", "field", "message", "source", "line", "recordId", "payloadEncoding", "payload",
            "payloadMasked", "payloadBytes", "payloadTruncated"})
    public record Message(
            RejectReason reason,
            String field,
            String message,
            String source,
            long line,
            String recordId,
            String payloadEncoding,
            String payload,
            boolean payloadMasked,
            long payloadBytes,
            boolean payloadTruncated) {}

    public Message toMessage(DeadLetter deadLetter) {
        byte[] kept = deadLetter.payload().length > maxPayloadBytes
                ? Arrays.copyOf(deadLetter.payload(), maxPayloadBytes) : deadLetter.payload();
        boolean truncated = kept.length < deadLetter.payloadLength();
        String text = strictUtf8(kept, truncated);
        String encoding;
        String payload;
        if (maskPayload) {
            encoding = text != null ? "utf8" : "utf8-lossy";
            payload = PiiMasker.mask(text != null ? text : new String(kept, StandardCharsets.UTF_8));
        } else {
            encoding = text != null ? "utf8" : "base64";
            payload = text != null ? text : Base64.getEncoder().encodeToString(kept);
        }
        return new Message(deadLetter.reason(), deadLetter.field(), deadLetter.message(), deadLetter.source(),
                deadLetter.lineNumber(), deadLetter.recordId(), encoding, payload, maskPayload,
                deadLetter.payloadLength(), truncated);
    }

    public byte[] encode(DeadLetter deadLetter) {
        try {
            return MAPPER.writeValueAsBytes(toMessage(deadLetter));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes as text when they are UTF-8; a cut payload may end inside a character, so an incomplete
     * last character does not count against it (it is dropped).
     */
    private static String strictUtf8(byte[] bytes, boolean truncated) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, truncated ? completeUtf8Prefix(bytes) : bytes.length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Length of {@code bytes} without a trailing, incomplete UTF-8 sequence. */
    private static int completeUtf8Prefix(byte[] bytes) {
        int end = bytes.length;
        int start = end;
        // walk back over at most 3 continuation bytes to the lead byte of the last character
        while (start > 0 && end - start < 4 && (bytes[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start == 0) {
            return end;
        }
        int lead = bytes[start - 1] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - (start - 1) < needed ? start - 1 : end;
    }
}
