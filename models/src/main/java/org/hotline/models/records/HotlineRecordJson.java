package org.hotline.models.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON shape of {@link HotlineRecord} used in files, Kafka topics and tests. */
public final class HotlineRecordJson {
    private static final ObjectMapper MAPPER = newMapper();

    private HotlineRecordJson() {}

    /** A mapper that writes times as ISO-8601 with their offset and ignores fields it does not know. */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(HotlineRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JsonProcessingException when the line is not a record of this shape */
    public static HotlineRecord read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, HotlineRecord.class);
    }
}
