package org.hotline.classify.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.records.HotlineRecord;

/** Tags each record with the model's suggestions; one model instance per parallel task, loaded in open(). */
public final class ClassifyRecords extends RichMapFunction<HotlineRecord, TaggedRecord> {
    private static final long serialVersionUID = 1L;
    private final TaggerFactory factory;
    private transient Tagger tagger;
    private transient Counter needsReview;

    public ClassifyRecords(TaggerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        tagger = factory.create();
        needsReview = getRuntimeContext().getMetricGroup().counter("recordsNeedingReview");
    }

    @Override
    public TaggedRecord map(HotlineRecord record) {
        TaggedRecord tagged = tagger.tag(record);
        if (tagged.needsReview()) {
            needsReview.inc();
        }
        return tagged;
    }
}
