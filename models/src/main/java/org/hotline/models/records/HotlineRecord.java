package org.hotline.models.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One citizen demand in the intake template (接诉信息采集模板). See docs/intake-template.md and
 * docs/intake-template.schema.json. Only {@code id} and {@code content} are always present once a record is
 * accepted by intake; {@code receivedAt} is required by intake but may be absent in training/evaluation files.
 *
 * @param labels a gold taxonomy path (level 1 first), any depth; empty when unknown
 * @param reply  the official answer, or null when there is none (yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HotlineRecord(
        String id,
        OffsetDateTime receivedAt,
        String title,
        String content,
        Channel channel,
        String district,
        String street,
        String address,
        GeoPoint location,
        Caller caller,
        Boolean enterprise,
        List<String> labels,
        Reply reply) {

    public HotlineRecord {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A record without a reply: what intake receives for a demand still open. */
    public HotlineRecord(String id, OffsetDateTime receivedAt, String title, String content, Channel channel,
                         String district, String street, String address, GeoPoint location, Caller caller,
                         Boolean enterprise, List<String> labels) {
        this(id, receivedAt, title, content, channel, district, street, address, location, caller, enterprise, labels,
                null);
    }

    /** Title and content joined the way every text feature sees them. */
    public String text() {
        if (title == null || title.isBlank()) {
            return content == null ? "" : content;
        }
        return content == null ? title : title + "\n" + content;
    }

    public HotlineRecord withLabels(List<String> newLabels) {
        return new HotlineRecord(id, receivedAt, title, content, channel, district, street, address, location,
                caller, enterprise, newLabels, reply);
    }

    public HotlineRecord withReply(Reply newReply) {
        return new HotlineRecord(id, receivedAt, title, content, channel, district, street, address, location,
                caller, enterprise, labels, newReply);
    }
}
