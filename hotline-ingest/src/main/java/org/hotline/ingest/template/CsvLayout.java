package org.hotline.ingest.template;

import java.util.List;

/**
 * What it takes to read one CSV row on its own: the file's header and its delimiter.
 *
 * @param header    column names from the file's first row
 * @param delimiter the field delimiter, usually {@code ,}
 */
public record CsvLayout(List<String> header, char delimiter) {
    public CsvLayout {
        header = List.copyOf(header);
    }
}
