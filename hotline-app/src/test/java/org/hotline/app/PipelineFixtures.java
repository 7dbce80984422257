package org.hotline.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EmbeddedKafka;
import org.hotline.classify.elasticsearch.RecordSearch;
import org.hotline.ingest.cli.IngestCommand;
import org.hotline.models.classifier.ClassifierTrainer;
import org.hotline.models.classifier.TrainOptions;
import org.hotline.models.classifier.TrainingProgress;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.sample.SyntheticDemands;
import picocli.CommandLine;

/** What the end-to-end tests share: a model trained on synthetic demands, the settings, ingest, waiting. */
final class PipelineFixtures {
    static final long TRAINING_SEED = 7;

    private PipelineFixtures() {}

    /** The demo's quick model, on 3,000 synthetic demands (never real data). */
    static Path trainQuickModel(Path dir) throws Exception {
        Path model = dir.resolve("model");
        SyntheticDemands demands = SyntheticDemands.withDefaults(TRAINING_SEED);
        ClassifierTrainer.train(demands.generate(3000), List.of(), demands.taxonomy(), TrainOptions.quick(),
                TrainingProgress.SILENT).save(model);
        return model;
    }

    /** Settings pointing at the engines, with topics, index and consumer group of the test's own. */
    static Map<String, String> settings(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch, String name,
                                        Path model) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap", kafka.bootstrapServers());
        settings.put("es.urls", elasticsearch.httpUrl());
        settings.put("es.index", name);
        settings.put("kafka.topic.intake", name + ".intake");
        settings.put("kafka.topic.deadletter", name + ".deadletter");
        settings.put("kafka.topic.tagged", name + ".tagged");
        settings.put("kafka.group", name);
        settings.put("model.dir", model.toString());
        return settings;
    }

    /** Runs `hotline ingest` on a file, as a user would; returns its exit code. */
    static int ingest(HotlineConfig config, Path input) {
        return new CommandLine(new IngestCommand()).execute(input.toString(),
                "--bootstrap-servers", config.get("kafka.bootstrap"),
                "--topic", config.get("kafka.topic.intake"),
                "--dead-letter-topic", config.get("kafka.topic.deadletter"));
    }

    static void awaitIndexed(RecordSearch search, List<String> ids, Duration timeout) throws Exception {
        long found = search.awaitIds(ids, ids.size(), timeout, count -> { });
        if (found < ids.size()) {
            throw new AssertionError("only " + found + " of " + ids.size() + " records indexed after " + timeout);
        }
    }
}
