package org.hotline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.models.records.HotlineRecord;

/** Helpers that turn text into raw records and unwrap validation results. */
final class Records {
    private Records() {}

    static RawRecord jsonLine(String json) {
        return RawRecord.json("test.jsonl", 7, json.getBytes(StandardCharsets.UTF_8));
    }

    static RawRecord csvRow(String row, String... header) {
        return RawRecord.csv("test.csv", 3, row.getBytes(StandardCharsets.UTF_8), new CsvLayout(List.of(header), ','));
    }

    static HotlineRecord accepted(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Accepted.class);
        return ((ValidationResult.Accepted) result).record();
    }

    static DeadLetter rejected(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        return ((ValidationResult.Rejected) result).deadLetter();
    }
}
