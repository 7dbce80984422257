package org.hotline.classify.elasticsearch;

import org.hotline.classify.records.TaggedRecord;

/**
 * A record Elasticsearch refused for good (a mapping conflict, or still 429/5xx after every retry).
 *
 * @param status HTTP status of the item, or of the whole request when it never got through
 * @param reason Elasticsearch's error type and reason
 */
public record FailedDocument(TaggedRecord record, int status, String reason) {}
