package org.hotline.classify.records;

import java.nio.charset.StandardCharsets;

/**
 * One message read from the intake topic, not yet parsed: parsing happens inside the job so that a bad payload
 * becomes a dead letter instead of failing the source.
 *
 * @param key     the Kafka key (the record id, as the ingest producer writes it); null when the producer set none
 * @param payload the message value exactly as read (it may not even be UTF-8)
 * @param origin  where it came from ({@code topic/partition/offset}), for the dead-letter trail
 */
public record IntakeMessage(String key, byte[] payload, String origin) {

    public IntakeMessage {
        payload = payload == null ? new byte[0] : payload;
    }

    public static IntakeMessage of(String key, String json, String origin) {
        return new IntakeMessage(key, json.getBytes(StandardCharsets.UTF_8), origin);
    }
}
