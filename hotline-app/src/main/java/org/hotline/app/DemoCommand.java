package org.hotline.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EmbeddedKafka;
import org.hotline.app.engines.EngineException;
import org.hotline.app.engines.FlinkRestClient;
import org.hotline.classify.ClassifyCommand;
import org.hotline.classify.ClassifyJob;
import org.hotline.classify.functions.ModelTaggers;
import org.hotline.classify.elasticsearch.RecordSearch;
import org.hotline.ingest.kafka.KafkaRecordSink;
import org.hotline.ingest.kafka.KafkaSinkSettings;
import org.hotline.ingest.pipeline.IntakePipeline;
import org.hotline.ingest.pipeline.IntakeSummary;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.template.RawRecord;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.console.ProgressBar;
import org.hotline.models.sample.Gazetteer;
import org.hotline.models.sample.Surge;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code hotline demo}: the whole pipeline on one machine. Starts Kafka and Elasticsearch (unless told to use
 * external ones), trains a model on demands the product generates itself, runs the classify and alert jobs on a
 * local Flink MiniCluster, streams a sample with planted surges through intake, waits until it is searchable and
 * prints the alerts raised.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the whole pipeline on an embedded default: Kafka, Flink, Elasticsearch, a trained model.",
        description = {
            "Starts a Kafka KRaft broker and Elasticsearch " + "from Maven jars (as an unprivileged user when run as "
                    + "root), trains a classifier on synthetic demands (none of any real data set), runs the "
                    + "classify job on a local Flink MiniCluster, streams --records synthetic demands (with --surge "
                    + "outbreaks planted) through intake, waits until they are searchable, then runs the alert job "
                    + "over them and prints the alerts it raised. Unless --exit-when-done, it then serves the operator "
                    + "console and the analyst dashboard (--web-port). Ctrl-C stops everything it started.",
            "Engines keep their data under --work-dir, so a second run with the same --seed replays the same "
                    + "records and the index count does not change."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./hotline demo",
            "  ./hotline demo --records 5000 --exit-when-done",
            "  ./hotline demo --kafka kafka1:9092 --elasticsearch https://es1:9200 --set es.apiKey=…"})
public final class DemoCommand implements Callable<Integer> {
    /**
     * A week of night-time noise from one street; a heating breakdown in three districts at once; a new problem the
     * taxonomy has no word for (trade-in subsidies, 以旧换新) across the city.
     */
    private static final String DEMO_SURGES = "环境保护/环境污染/噪音污染@江滨区/解放街道:2026-02-16:6:0.08;"
            + "城乡建设/城市建设和市政管理/冬季采暖@南浦区:2026-03-02:5:0.1;"
            + "城乡建设/城市建设和市政管理/冬季采暖@云台区:2026-03-02:5:0.1;"
            + "城乡建设/城市建设和市政管理/冬季采暖@东岭区:2026-03-02:5:0.1;"
            + "商贸旅游/市场监管/其他:2026-03-16:5:0.15:以旧换新";
    private static final int ALERT_EXAMPLES = 10;

    @Option(names = "--records", paramLabel = "N", defaultValue = "2000",
            description = "synthetic demands to stream through the pipeline (default: ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--exit-when-done",
            description = "stop everything and exit 0 once all accepted records are searchable")
    boolean exitWhenDone;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20261127",
            description = "seed of the streamed demands; the same seed gives the same records (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "engine data, logs and the demo model (default: work/demo under the project)")
    Path workDir;

    @Option(names = "--model", paramLabel = "DIR",
            description = "use this trained model instead of training one on synthetic demands")
    Path model;

    @Option(names = "--train-records", paramLabel = "N", defaultValue = "6000",
            description = "synthetic demands to train the demo model on (default: ${DEFAULT-VALUE})")
    int trainRecords;

    @Option(names = "--surge", paramLabel = "SPEC", defaultValue = DEMO_SURGES, split = ";",
            description = "demand surges to plant for the alert job, "
                    + "LEAF[@DISTRICT[/STREET]]:FIRST-DAY:DAYS:SHARE[:PHRASE] (PHRASE: a new problem the demands name), "
                    + "';'-separated or repeated; 'none' for none (default: ${DEFAULT-VALUE})")
    List<String> surges;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "use this external Kafka instead of starting one")
    String externalKafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "use this external Elasticsearch instead of starting one")
    String externalElasticsearch;

    @Option(names = "--flink", paramLabel = "URL",
            description = "run the classify and alert jobs on this Flink session cluster (REST URL) instead of a "
                    + "local MiniCluster; its task managers must reach Kafka, Elasticsearch, the model directory "
                    + "and flink.checkpointDir (default: the work dir; set a shared URI for a multi-host cluster)")
    String externalFlink;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "port of the embedded Kafka broker (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--es-port", paramLabel = "PORT", defaultValue = "9200",
            description = "port of the embedded Elasticsearch (default: ${DEFAULT-VALUE})")
    int esPort;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8080",
            description = "port of the operator console and analyst dashboard, served while the demo runs "
                    + "(0: any free port; not started with --exit-when-done) (default: ${DEFAULT-VALUE})")
    int webPort;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "give up when records are not searchable after this long, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || trainRecords < 100) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 1 and --train-records "
                    + "at least 100");
        }
        Path work = workDir != null ? workDir : defaultWorkDir();
        Files.createDirectories(work);
        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> stopAll(started, stopped), "demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            HotlineConfig config = configOptions.load();
            config = startEngines(config, work, started);
            if (config.get("flink.checkpointDir").isBlank()) {
                config = config.with("flink.checkpointDir", work.resolve("checkpoints").toUri().toString());
            }
            if (config.get("alerts.rules").isBlank()) {
                config = config.with("alerts.rules", demoAlertRules(work).toString());
            }
            Path modelDir = model != null ? model : DemoModel.ensure(work.resolve("model"), trainRecords, out);
            config = config.with("model.dir", modelDir.toString());

            if (externalFlink != null) {
                config = config.with("flink.rest", externalFlink);
            }
            ClassifyJob.prepare(config);
            started.add(startClassifyJob(config));

            List<String> ids = new ArrayList<>(records);
            IntakeSummary summary = feed(config, ids);
            step("intake: " + summary.toLine());

            long searchable = waitUntilSearchable(config, ids, summary.accepted());
            try (RecordSearch search = RecordSearch.connect(ClassifyJob.elasticsearch(config))) {
                search.refresh();
                long withPath = search.countWithField("path");
                out.printf("indexed: %d of %d demo records searchable in %s (index holds %d records, %d with a "
                                + "taxonomy path)%n", searchable, summary.accepted(), config.get("es.index"),
                        search.count(), withPath);
            }
            DemoAlerts.catchUp(config, timeout, this::step);
            DemoAlerts.print(out, DemoAlerts.stored(config), ALERT_EXAMPLES);
            if (exitWhenDone) {
                return 0;
            }
            WebServer web = WebServer.start(config.with("web.port", String.valueOf(webPort)),
                    ClassifierModels.load(modelDir));
            started.add(web);
            step("operator console " + web.url() + " · analyst dashboard " + web.url().resolve("dashboard"));
            out.println("Look: Elasticsearch " + config.getList("es.urls").get(0) + "/" + config.get("es.index")
                    + "/_search · Kafka " + config.get("kafka.bootstrap") + " topics "
                    + config.get("kafka.topic.tagged") + ", " + config.get("kafka.topic.deadletter")
                    + " · logs " + HotlineHome.path().resolve("work/logs/hotline.log") + " and the engines' under "
                    + work + " · alerts: ./hotline alerts list --set es.urls=" + config.getList("es.urls").get(0)
                    + " (./hotline alerts run streams new ones). Ctrl-C stops everything.");
            stopped.await();
            return 0;
        } catch (EngineException e) {
            System.err.println("hotline demo: " + e.getMessage());
            return e.isUserError() ? 2 : 1;
        } finally {
            if (exitWhenDone || stopped.getCount() > 0) {
                stopAll(started, stopped);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
    }

    /**
     * High-frequency thresholds an analyst might set (5 heating or noise demands in a district in a day), so that the
     * demo shows HIGH_FREQUENCY alerts too; a user's own {@code alerts.rules} replaces them.
     */
    private static Path demoAlertRules(Path work) throws IOException {
        Path file = work.resolve("demo-alert-rules.json");
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo-alert-rules.json")) {
            Files.copy(Objects.requireNonNull(in, "demo-alert-rules.json"), file,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * {@code work/demo} under the project, unless Elasticsearch's unprivileged user (needed when run as root)
     * could not reach it there; then a fixed place under /var/tmp, so later runs still find their data.
     */
    private Path defaultWorkDir() {
        Path inProject = HotlineHome.path().resolve("work/demo");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || externalElasticsearch != null || searchableByOthers(inProject.getParent())) {
            return inProject;
        }
        Path shared = Path.of("/var/tmp/hotline-demo");
        out.println("• work dir " + shared + " (Elasticsearch runs as an unprivileged user, who cannot reach "
                + inProject + ")");
        return shared;
    }

    private static boolean searchableByOthers(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private HotlineConfig startEngines(HotlineConfig config, Path work, List<AutoCloseable> started) {
        if (externalKafka != null) {
            config = config.with("kafka.bootstrap", externalKafka);
        } else if (!configOptions.overrides().containsKey("kafka.bootstrap")) {
            EmbeddedKafka kafka = EmbeddedKafka.builder().workDir(work).port(kafkaPort).start();
            started.add(kafka);
            config = config.with("kafka.bootstrap", kafka.bootstrapServers());
            step("Kafka broker " + kafka.bootstrapServers() + " (pid " + kafka.pid() + ")");
        }
        if (externalElasticsearch != null) {
            config = config.with("es.urls", externalElasticsearch);
        } else if (!configOptions.overrides().containsKey("es.urls")) {
            EmbeddedElasticsearch es = EmbeddedElasticsearch.builder().workDir(work)
                    .port(esPort).start();
            started.add(es);
            config = config.with("es.urls", es.httpUrl());
            step("Elasticsearch " + es.httpUrl() + " (pid " + es.pid() + ")");
        }
        return config;
    }

    /** Starts the classify job where configured; what it returns cancels the job. */
    private AutoCloseable startClassifyJob(HotlineConfig config) throws Exception {
        if (config.get("flink.rest").isEmpty()) {
            StreamExecutionEnvironment env = ClassifyJob.environment(config);
            JobClient job = ClassifyJob.wire(config, ModelTaggers.forConfig(config)).start(env);
            step("classify job running on a local Flink MiniCluster (job " + job.getJobID() + ")");
            return () -> job.cancel().get();
        }
        FlinkRestClient flink = new FlinkRestClient(config.get("flink.rest"));
        String jobId = flink.submitJar(JobJar.locate("hotline-classify"), ClassifyCommand.class.getName(),
                JobJar.setArguments(config));
        step("classify job " + jobId + " running on the Flink cluster at " + config.get("flink.rest"));
        return () -> flink.cancel(jobId);
    }

    /** Generates the demo records and sends them through intake, exactly as `hotline ingest` would. */
    private IntakeSummary feed(HotlineConfig config, List<String> ids) {
        KafkaSinkSettings settings = KafkaSinkSettings.from(config);
        SyntheticDemands demands = new SyntheticDemands(Taxonomy.loadDefault(), Gazetteer.defaultCity(),
                SyntheticDemands.Settings.defaults().withSurges(plantedSurges()), seed);
        AtomicLong line = new AtomicLong();
        ProgressBar bar = new ProgressBar("intake", records);
        try (KafkaRecordSink sink = KafkaRecordSink.open(settings, DeadLetterEncoder.safeDefault())) {
            IntakePipeline pipeline = new IntakePipeline(IntakeValidator.forTemplate(), sink,
                    (read, accepted, dead) -> bar.update(read));
            var raw = demands.stream(records).map(record -> {
                ids.add(record.id());
                return RawRecord.json("demo", line.incrementAndGet(), json(record));
            }).iterator();
            IntakeSummary summary = pipeline.run(raw);
            bar.done();
            return summary;
        }
    }

    private List<Surge> plantedSurges() {
        return surges.size() == 1 && surges.get(0).equals("none") ? List.of() : DemoAlerts.surges(surges);
    }

    private static byte[] json(HotlineRecord record) {
        return HotlineRecordJson.write(record).getBytes(StandardCharsets.UTF_8);
    }

    private long waitUntilSearchable(HotlineConfig config, List<String> ids, long expected) throws Exception {
        ProgressBar bar = new ProgressBar("indexed", expected);
        try (RecordSearch search = RecordSearch.connect(ClassifyJob.elasticsearch(config))) {
            long found = search.awaitIds(ids, expected, timeout, bar::update);
            bar.done();
            if (found < expected) {
                throw EngineException.failure("only " + found + " of " + expected
                        + " records searchable after " + timeout + "; see " + config + " and the logs", null);
            }
            return found;
        }
    }

    private void step(String message) {
        out.println("• " + message);
    }

    private static void stopAll(List<AutoCloseable> started, CountDownLatch stopped) {
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("hotline demo: while stopping: " + e.getMessage());
                }
            }
            started.clear();
        }
        stopped.countDown();
    }
}
