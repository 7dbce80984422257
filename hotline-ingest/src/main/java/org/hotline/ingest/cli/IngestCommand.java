package org.hotline.ingest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.ingest.kafka.KafkaRecordSink;
import org.hotline.ingest.kafka.KafkaSinkSettings;
import org.hotline.ingest.pipeline.DeadLetterFileSink;
import org.hotline.ingest.pipeline.IntakePipeline;
import org.hotline.ingest.pipeline.IntakeSummary;
import org.hotline.ingest.pipeline.ProgressListener;
import org.hotline.ingest.pipeline.RecordSink;
import org.hotline.ingest.pipeline.SinkException;
import org.hotline.ingest.read.InputFormat;
import org.hotline.ingest.read.InputFormatException;
import org.hotline.ingest.read.RecordReader;
import org.hotline.ingest.read.RecordReaders;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.IntakeLimits;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.template.MappingProfile;
import org.hotline.ingest.template.MappingProfiles;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hotline ingest}: validate, mask and publish hotline records to Kafka. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        version = "hotline ingest 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Validate intake records, mask personal data and publish them to Kafka.",
        description = {
            "Reads JSON Lines or CSV files (also .gz) or stdin (-), maps their columns to the intake template "
                    + "(docs/intake-template.md) with a mapping profile, validates every record and masks phone "
                    + "numbers, ID numbers and e-mail addresses. Accepted records go to the intake topic (key = id), "
                    + "every refused record goes to the dead-letter topic with a reason code, its source and line. "
                    + "A bad record never stops the run.",
            "",
            "Exit codes: 0 the run completed (dead letters included), 1 an input could not be read, "
                    + "2 bad usage or an unreadable input layout, 3 Kafka failed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  hotline ingest calls.jsonl",
            "  hotline ingest --profile teddy-cn --dry-run export.csv.gz",
            "  zcat calls.jsonl.gz | hotline ingest -b kafka:9092 --json-summary -"
        })
public final class IngestCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_INPUT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_KAFKA_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Input files (.jsonl, .csv, optionally .gz); - reads stdin. Default: -.")
    List<String> inputs = new ArrayList<>();

    /** kafka.bootstrap, kafka.topic.intake, kafka.topic.deadletter (docs/configuration.md); the flags below win. */
    @Mixin
    ConfigOptions configOptions;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers. Default: kafka.bootstrap from the configuration "
                    + "(env HOTLINE_KAFKA_BOOTSTRAP), else localhost:9092.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Topic of accepted records. Default: kafka.topic.intake (hotline.intake).")
    String intakeTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            description = "Topic of refused records (restricted: holds original payloads). Default: "
                    + "kafka.topic.deadletter (hotline.deadletter).")
    String deadLetterTopic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of topics created when missing. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "1",
            description = "Replication factor of topics created when missing. Default: ${DEFAULT-VALUE}.")
    short replicationFactor;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "template",
            description = "Built-in mapping profile: template, teddy-cn (Chinese headers 留言编号/留言主题/留言时间/"
                    + "留言详情/一级分类…), csv-en. Default: ${DEFAULT-VALUE}.")
    String profileName;

    @Option(names = "--profile-file", paramLabel = "FILE",
            description = "A custom mapping profile (JSON, same shape as the built-in ones); overrides --profile.")
    Path profileFile;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input layout: ${COMPLETION-CANDIDATES}. Default: by file extension (.csv[.gz] is CSV, "
                    + "anything else and stdin JSONL).")
    InputFormat format;

    @Option(names = "--csv-delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field delimiter, e.g. ';' or a tab. Default: comma.")
    char csvDelimiter;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Zone of times written without an offset (e.g. 2019/4/25 9:32:09). Default: the "
                    + "profile's zone, else Asia/Shanghai (+08:00).")
    String zone;

    @Option(names = "--max-field-chars", paramLabel = "N", defaultValue = "" + IntakeLimits.DEFAULT_MAX_FIELD_CHARS,
            description = "Longest text field accepted, in characters. Default: ${DEFAULT-VALUE}.")
    int maxFieldChars;

    @Option(names = "--max-record-bytes", paramLabel = "N", defaultValue = "" + IntakeLimits.DEFAULT_MAX_RECORD_BYTES,
            description = "Longest record accepted, in bytes. Default: ${DEFAULT-VALUE}.")
    int maxRecordBytes;

    @Option(names = "--mask-dead-letters", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Mask phone numbers, ID numbers and e-mails in dead-letter payloads too (non-UTF-8 "
                    + "payloads are then stored decoded with replacement characters). --no-mask-dead-letters "
                    + "keeps exact bytes (base64 when not UTF-8). Default: ${DEFAULT-VALUE}.")
    boolean maskDeadLetters;

    @Option(names = "--dead-letter-payload-bytes", paramLabel = "N",
            defaultValue = "" + DeadLetterEncoder.DEFAULT_MAX_PAYLOAD_BYTES,
            description = "Keep at most this many bytes of a dead letter's payload. Default: ${DEFAULT-VALUE}.")
    int deadLetterPayloadBytes;

    @Option(names = "--dead-letter-file", paramLabel = "FILE",
            description = "Also write dead letters to this local JSON Lines file.")
    Path deadLetterFile;

    @Option(names = "--dry-run", description = "Validate and count only; nothing is sent to Kafka.")
    boolean dryRun;

    @Option(names = "--json-summary", description = "Print the final summary as one JSON object on stdout.")
    boolean jsonSummary;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for Kafka (connect, create topics, deliver). Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--no-progress", description = "Do not draw the progress line on stderr.")
    boolean noProgress;

    @Option(names = {"-X", "--producer-property"}, paramLabel = "KEY=VALUE",
            description = "Extra Kafka producer property (repeatable), e.g. -X compression.type=zstd.")
    Map<String, String> producerProperties = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        IntakeValidator validator;
        KafkaSinkSettings kafka;
        try {
            validator = buildValidator();
            kafka = kafkaSettings();
            checkInputsExist();
        } catch (IllegalArgumentException | IOException e) {
            err.println("hotline ingest: " + e.getMessage());
            return EXIT_USAGE;
        }
        DeadLetterEncoder encoder = new DeadLetterEncoder(maskDeadLetters, deadLetterPayloadBytes);
        ProgressBar progress = showProgress() ? new ProgressBar(err) : null;
        IntakeSummary summary;
        try (RecordSink sink = openSink(kafka, encoder)) {
            IntakePipeline pipeline = new IntakePipeline(validator, sink,
                    progress != null ? progress : ProgressListener.NONE);
            summary = runInputs(pipeline);
        } catch (InputFormatException e) {
            clear(progress);
            err.println("hotline ingest: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException | UncheckedIOException e) {
            clear(progress);
            err.println("hotline ingest: " + (e instanceof UncheckedIOException u ? u.getMessage() : e.getMessage()));
            return EXIT_INPUT_FAILED;
        } catch (SinkException e) {
            clear(progress);
            err.println("hotline ingest: " + e.getMessage());
            return EXIT_KAFKA_FAILED;
        }
        clear(progress);
        printSummary(summary);
        return EXIT_OK;
    }

    IntakeValidator buildValidator() throws IOException {
        MappingProfile profile = profileFile != null ? MappingProfiles.fromFile(profileFile)
                : MappingProfiles.builtIn(profileName);
        ZoneId explicitZone;
        try {
            explicitZone = zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + zone + "' (e.g. Asia/Shanghai or +08:00)");
        }
        if (deadLetterPayloadBytes < 0) {
            throw new IllegalArgumentException("--dead-letter-payload-bytes must be >= 0");
        }
        return new IntakeValidator(profile, IntakeValidator.zoneFor(profile, explicitZone),
                new IntakeLimits(maxFieldChars, maxRecordBytes));
    }

    private void checkInputsExist() throws IOException {
        for (String input : effectiveInputs()) {
            if (!RecordReaders.STDIN.equals(input) && !Files.isReadable(Path.of(input))) {
                throw new IOException("cannot read input file " + input);
            }
        }
    }

    private List<String> effectiveInputs() {
        return inputs.isEmpty() ? List.of(RecordReaders.STDIN) : inputs;
    }

    private RecordSink openSink(KafkaSinkSettings kafka, DeadLetterEncoder encoder) throws IOException {
        RecordSink sink = dryRun ? RecordSink.discarding() : KafkaRecordSink.open(kafka, encoder);
        if (deadLetterFile != null) {
            try {
                sink = sink.and(new DeadLetterFileSink(deadLetterFile, encoder));
            } catch (IOException e) {
                sink.close();
                throw new IOException("cannot write dead-letter file " + deadLetterFile + ": " + e.getMessage(), e);
            }
        }
        return sink;
    }

    KafkaSinkSettings kafkaSettings() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        // Flags win over the shared configuration (defaults < --config file < HOTLINE_* env < --set).
        HotlineConfig config = configOptions.load();
        return new KafkaSinkSettings(
                bootstrapServers != null ? bootstrapServers : config.get("kafka.bootstrap"),
                intakeTopic != null ? intakeTopic : config.get("kafka.topic.intake"),
                deadLetterTopic != null ? deadLetterTopic : config.get("kafka.topic.deadletter"),
                partitions, replicationFactor,
                Duration.ofSeconds(timeoutSeconds), producerProperties);
    }

    /** Largest record kept in memory: enough to validate it and to keep its dead-letter payload. */
    private int maxKeptBytes() {
        return Math.max(maxRecordBytes, deadLetterPayloadBytes) + 1;
    }

    private IntakeSummary runInputs(IntakePipeline pipeline) throws IOException {
        IntakeSummary summary = pipeline.summary();
        for (String input : effectiveInputs()) {
            try (RecordReader reader = RecordReaders.open(input, format, csvDelimiter, maxKeptBytes())) {
                summary = pipeline.run(reader);
            }
        }
        return summary;
    }

    private boolean showProgress() {
        return !noProgress && System.console() != null;
    }

    private static void clear(ProgressBar progress) {
        if (progress != null) {
            progress.clear();
        }
    }

    private void printSummary(IntakeSummary summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (jsonSummary) {
            try {
                out.println(new ObjectMapper().writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println((dryRun ? "dry run: " : "") + summary.toLine());
        }
        out.flush();
    }
}
