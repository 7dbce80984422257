package org.hotline.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.elasticsearch.AlertBulkWriter;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.job.AlertJob;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.classify.ClassifyJob;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.elasticsearch.RecordDocument;
import org.hotline.classify.elasticsearch.RecordIndex;
import org.hotline.classify.functions.Tagger;
import org.hotline.models.classifier.ClassifierTrainer;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.classifier.TrainOptions;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;
import org.hotline.models.sample.Gazetteer;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;

/**
 * What the web tests share: a quickly trained model, and a record index and an alert index of their own holding
 * known cases (one answered, one still open) among synthetic ones, tagged the way the classify job tags them.
 */
final class WebFixtures {
    static final String NOISE_CASE = "web-noise-1";
    static final String LAMP_CASE = "web-lamp-1";
    static final String NOISE_REPLY = "经区住建局现场核查，已责令该工地停止夜间施工，搅拌机移至白天作业。";
    /** Words only the noise case has (搅拌机, 桂花社区), so it must come first among similar cases. */
    static final String NOISE_QUERY = "桂花社区旁边工地晚上搅拌机一直响，噪音吵得睡不着";
    static final LocalDate LAST_DAY = LocalDate.parse("2026-04-05");

    private static HotlineClassifier classifier;

    private WebFixtures() {}

    /** Trained once per test JVM on synthetic demands: enough to rank, in seconds. */
    static synchronized HotlineClassifier classifier() {
        if (classifier == null) {
            SyntheticDemands demands = SyntheticDemands.withDefaults(PipelineFixtures.TRAINING_SEED);
            classifier = ClassifierTrainer.train(demands.generate(800), demands.taxonomy(), TrainOptions.quick());
        }
        return classifier;
    }

    /** Settings with indices of this run's own and any free web port. */
    static HotlineConfig config(EmbeddedElasticsearch elasticsearch) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return HotlineConfig.defaults().with(Map.of("es.urls", elasticsearch.httpUrl(),
                "es.index", "web-records-" + run, "es.alertIndex", "web-alerts-" + run, "web.port", "0"));
    }

    static List<HotlineRecord> knownCases() {
        HotlineRecord noise = new HotlineRecord(NOISE_CASE, OffsetDateTime.parse("2026-03-20T22:40:00+08:00"),
                "工地夜间施工噪音扰民", "江滨区桂花社区旁边的工地每天晚上施工到凌晨两点，搅拌机噪音很大，老人孩子无法休息。",
                Channel.PHONE, "江滨区", null, null, null, null, false, List.of(),
                new Reply(NOISE_REPLY, OffsetDateTime.parse("2026-03-23T10:00:00+08:00"), "区住建局"));
        HotlineRecord lamp = new HotlineRecord(LAMP_CASE, OffsetDateTime.parse("2026-04-05T19:10:00+08:00"),
                "解放路路灯不亮", "解放路两侧的路灯已经坏了一个星期，晚上一片漆黑，行人容易摔倒。", Channel.WEB, "青山区",
                null, null, null, null, false, List.of());
        return List.of(noise, lamp);
    }

    /** The known cases and 80 synthetic demands (no personal data in their text), tagged and indexed. */
    static List<HotlineRecord> indexRecords(HotlineConfig config) throws Exception {
        SyntheticDemands synthetic = new SyntheticDemands(Taxonomy.loadDefault(), Gazetteer.defaultCity(),
                SyntheticDemands.Settings.defaults().withPersonalDataRates(0, 0, 0), 21);
        List<HotlineRecord> records = new ArrayList<>(knownCases());
        records.addAll(synthetic.generate(80));
        HotlineClassifier model = classifier();
        Tagger tagger = new Tagger(model, model.segmenter()::tokens, Taxonomy.loadDefault(), model.version(), 5,
                Clock.systemUTC());
        ElasticsearchConfig es = ClassifyJob.elasticsearch(config);
        try (ElasticsearchClient client = ElasticsearchClients.connect(es)) {
            new RecordIndex(client, es).ensureExists();
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            for (HotlineRecord record : records) {
                bulk.operations(op -> op.index(i -> i.index(es.index()).id(record.id())
                        .document(RecordDocument.toDocument(tagger.tag(record)))));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new AssertionError("indexing the web test records failed");
            }
        }
        return records;
    }

    /** Two open alerts of different kinds. */
    static List<Alert> indexAlerts(HotlineConfig config) throws Exception {
        List<Alert> alerts = List.of(
                Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("江滨区", "青山区", "临江区"), LAST_DAY, LAST_DAY,
                        40, 12.5, 4.2, Double.NaN, new Evidence(List.of("暖气", "不热"), List.of("r-1"), "40 demands")),
                Alert.of(AlertKind.CLUSTERED, "环境保护/环境污染/噪音污染", List.of("江滨区"), LAST_DAY.minusDays(2),
                        LAST_DAY, 9, 1.5, 6.1, Double.NaN, new Evidence(List.of("施工"), List.of(NOISE_CASE), "9 demands")));
        try (AlertBulkWriter writer = AlertBulkWriter.open(AlertJob.elasticsearch(config))) {
            writer.write(alerts);
        }
        try (AlertStore store = AlertStore.connect(AlertJob.elasticsearch(config))) {
            store.refresh();
        }
        return alerts;
    }
}
