package org.hotline.alerts.elasticsearch;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.hotline.alerts.alert.Alert;
import org.hotline.classify.elasticsearch.BufferingSinkWriter;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;

/**
 * Flink sink writing alerts to the alert index ({@code config.index()}, e.g. {@code hotline-alerts}) through
 * {@link AlertBulkWriter}, buffered and flushed like the record sink (batch full, flush interval, checkpoint).
 * At-least-once; the deterministic alert id makes a replay update lastSeenAt instead of duplicating, and only the
 * first sighting of an alert reaches {@code firstSightings} (e-mail).
 */
public final class ElasticsearchAlertSink implements Sink<Alert> {
    private static final long serialVersionUID = 1L;

    private final ElasticsearchConfig config;
    private final AlertBulkWriter.FirstSightings.Factory firstSightings;

    public ElasticsearchAlertSink(ElasticsearchConfig config) {
        this(config, AlertBulkWriter.FirstSightings.Factory.NONE);
    }

    public ElasticsearchAlertSink(ElasticsearchConfig config, AlertBulkWriter.FirstSightings.Factory firstSightings) {
        this.config = config;
        this.firstSightings = firstSightings;
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) throws IOException {
        return new BufferingSinkWriter<>(AlertBulkWriter.open(config, firstSightings.open()), () -> { }, config.batchSize(),
                config.flushIntervalMillis(), context.getProcessingTimeService(),
                context.metricGroup().getNumRecordsSendCounter(),
                context.metricGroup().getNumRecordsSendErrorsCounter());
    }
}
