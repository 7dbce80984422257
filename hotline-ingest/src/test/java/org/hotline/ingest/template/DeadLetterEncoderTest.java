package org.hotline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLetterEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeadLetter deadLetter(byte[] payload, long length) {
        return new DeadLetter(RejectReason.BLANK_CONTENT, "content", "content is missing or blank", "calls.jsonl", 12,
                "42", payload, length);
    }

    private static DeadLetter deadLetter(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return deadLetter(bytes, bytes.length);
    }

    @Test
    void writesReasonFieldSourceLineAndMaskedPayload() throws Exception {
        JsonNode message = JSON.readTree(DeadLetterEncoder.safeDefault()
                .encode(deadLetter("{\"id\":\"42\",\"content\":\"\",\"title\":\"13812345678\"}")));

        assertThat(message.get("reason").asText()).isEqualTo("blank_content");
        assertThat(message.get("field").asText()).isEqualTo("content");
        assertThat(message.get("source").asText()).isEqualTo("calls.jsonl");
        assertThat(message.get("line").asLong()).isEqualTo(12);
        assertThat(message.get("recordId").asText()).isEqualTo("42");
        assertThat(message.get("payloadEncoding").asText()).isEqualTo("utf8");
        assertThat(message.get("payload").asText()).isEqualTo("{\"id\":\"42\",\"content\":\"\",\"title\":\"138****5678\"}");
        assertThat(message.get("payloadMasked").asBoolean()).isTrue();
        assertThat(message.get("payloadTruncated").asBoolean()).isFalse();
    }

    @Test
    void withoutMaskingKeepsTheExactText() throws Exception {
        String payload = "{\"title\":\"13812345678\"}";

        JsonNode message = JSON.readTree(new DeadLetterEncoder(false, 1024).encode(deadLetter(payload)));

        assertThat(message.get("payload").asText()).isEqualTo(payload);
        assertThat(message.get("payloadMasked").asBoolean()).isFalse();
    }

    @Test
    void withoutMaskingKeepsInvalidUtf8AsBase64OfTheExactBytes() throws Exception {
        byte[] bytes = {'{', (byte) 0xFF, (byte) 0xFE, '1', '3', '8', '}'};

        JsonNode message = JSON.readTree(new DeadLetterEncoder(false, 1024).encode(deadLetter(bytes, bytes.length)));

        assertThat(message.get("payloadEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(message.get("payload").asText())).isEqualTo(bytes);
    }

    @Test
    void withMaskingInvalidUtf8IsDecodedLossilyAndMasked() throws Exception {
        byte[] bytes = ("\u00ff 13812345678").getBytes(StandardCharsets.ISO_8859_1);

        JsonNode message = JSON.readTree(DeadLetterEncoder.safeDefault().encode(deadLetter(bytes, bytes.length)));

        assertThat(message.get("payloadEncoding").asText()).isEqualTo("utf8-lossy");
        assertThat(message.get("payload").asText()).isEqualTo("\uFFFD 138****5678");
    }

    @Test
    void cutsAPayloadAtTheLimitWithoutBreakingACharacter() throws Exception {
        String payload = "ab" + "字".repeat(10); // 2 + 30 bytes

        JsonNode message = JSON.readTree(new DeadLetterEncoder(false, 6).encode(deadLetter(payload)));

        assertThat(message.get("payloadEncoding").asText()).isEqualTo("utf8");
        assertThat(message.get("payload").asText()).isEqualTo("ab字");
        assertThat(message.get("payloadTruncated").asBoolean()).isTrue();
        assertThat(message.get("payloadBytes").asLong()).isEqualTo(32);
    }

    @Test
    void aPayloadTheReaderCutIsMarkedTruncated() throws Exception {
        byte[] head = "{\"id\":".getBytes(StandardCharsets.UTF_8);

        JsonNode message = JSON.readTree(DeadLetterEncoder.safeDefault().encode(deadLetter(head, 1_048_576)));

        assertThat(message.get("payloadTruncated").asBoolean()).isTrue();
        assertThat(message.get("payloadBytes").asLong()).isEqualTo(1_048_576);
    }

    @Test
    void encodingIsDeterministic() {
        DeadLetterEncoder encoder = DeadLetterEncoder.safeDefault();

        assertThat(encoder.encode(deadLetter("{\"x\":1}"))).isEqualTo(encoder.encode(deadLetter("{\"x\":1}")));
    }

    @Test
    void keyIsTheIdElseSourceAndLine() {
        assertThat(deadLetter("x").key()).isEqualTo("42");
        assertThat(new DeadLetter(RejectReason.NOT_JSON, null, "m", "f.jsonl", 3, null, new byte[0], 0).key())
                .isEqualTo("f.jsonl:3");
    }
}
