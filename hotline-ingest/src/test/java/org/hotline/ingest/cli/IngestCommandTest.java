package org.hotline.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hotline.ingest.testing.SyntheticIntake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new IngestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void kafkaSettingsComeFromTheSharedConfigurationUnlessAFlagSaysOtherwise() throws IOException {
        Path config = Files.writeString(dir.resolve("hotline.properties"),
                "kafka.bootstrap=broker-from-file:9092\nkafka.topic.intake=intake-from-file\n");
        IngestCommand command = new IngestCommand();
        new CommandLine(command).parseArgs("--config", config.toString(),
                "--set", "kafka.topic.deadletter=dead-from-set", "--topic", "intake-from-flag", "-");

        var settings = command.kafkaSettings();

        assertThat(settings.intakeTopic()).isEqualTo("intake-from-flag");
        assertThat(settings.deadLetterTopic()).isEqualTo("dead-from-set");
        if (System.getenv("HOTLINE_KAFKA_BOOTSTRAP") == null) {
            assertThat(settings.bootstrapServers()).isEqualTo("broker-from-file:9092");
        }
    }

    @Test
    void anUnknownConfigurationKeyIsAUsageError() {
        assertThat(run("--dry-run", "--set", "kafka.topik=x", "-")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown configuration key 'kafka.topik'");
    }

    @Test
    void dryRunCountsAndWritesDeadLettersToAFile() throws IOException {
        SyntheticIntake intake = SyntheticIntake.mixed(100, 3);
        Path input = Files.write(dir.resolve("calls.jsonl"), intake.bytes());
        Path deadLetters = dir.resolve("dead.jsonl");

        int exit = run("--dry-run", "--json-summary", "--dead-letter-file", deadLetters.toString(), input.toString());

        assertThat(exit).isZero();
        JsonNode summary = JSON.readTree(out.toString());
        assertThat(summary.get("read").asLong()).isEqualTo(100 + intake.deadLetterCount());
        assertThat(summary.get("accepted").asLong()).isEqualTo(100);
        assertThat(summary.get("deadLettered").asLong()).isEqualTo(intake.deadLetterCount());
        assertThat(summary.get("reasons").get("invalid_utf8").asLong())
                .isEqualTo(intake.expectedReasons().get("invalid_utf8").longValue());
        List<String> lines = Files.readAllLines(deadLetters, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(intake.deadLetterCount());
        assertThat(JSON.readTree(lines.get(0)).get("source").asText()).isEqualTo(input.toString());
        String deadLetterText = Files.readString(deadLetters);
        assertThat(intake.rawPii()).noneMatch(deadLetterText::contains);
    }

    @Test
    void readsAGzippedChineseCsvWithTheTeddyProfile() throws IOException {
        Path input = dir.resolve("export.csv.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(input))) {
            gz.write(("留言编号,留言用户,留言主题,留言时间,留言详情,一级分类\n"
                    + "1,U1,噪音,2019/4/25 9:32:09,楼下施工噪音大,城乡建设\n"
                    + "2,U2,路灯,2019-04-25 09:32:09,路灯不亮,城乡建设\n"
                    + "3,U3,收费,2019/4/31 9:32:09,物业乱收费,城乡建设\n").getBytes(StandardCharsets.UTF_8));
        }

        int exit = run("--dry-run", "--profile", "teddy-cn", input.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("dry run: read 3 · accepted 2 · dead-lettered 1 (bad_time 1)");
    }

    @Test
    void readsStdinWhenTheInputIsADash() {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream(("{\"id\":\"1\",\"receivedAt\":\"2019-04-25T09:32:09+08:00\","
                + "\"content\":\"x\"}\n{\"id\":\"2\"}\n").getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(run("--dry-run", "-")).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(out.toString()).startsWith("dry run: read 2 · accepted 1 · dead-lettered 1 (blank_content 1)");
    }

    @Test
    void withoutDeadLetterMaskingInvalidUtf8IsKeptAsBase64(@TempDir Path other) throws IOException {
        byte[] bad = {'{', (byte) 0xFF, '}', '\n'};
        Path input = Files.write(dir.resolve("bad.jsonl"), bad);
        Path deadLetters = other.resolve("dead.jsonl");

        assertThat(run("--dry-run", "--no-mask-dead-letters", "--dead-letter-file", deadLetters.toString(),
                input.toString())).isZero();

        JsonNode deadLetter = JSON.readTree(Files.readString(deadLetters));
        assertThat(deadLetter.get("payloadEncoding").asText()).isEqualTo("base64");
        assertThat(java.util.Base64.getDecoder().decode(deadLetter.get("payload").asText()))
                .isEqualTo(new byte[] {'{', (byte) 0xFF, '}'});
    }

    @Test
    void unknownProfileIsAUsageError() {
        assertThat(run("--dry-run", "--profile", "nope", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown profile 'nope'").doesNotContain("Exception");
    }

    @Test
    void missingInputIsAUsageError() {
        assertThat(run("--dry-run", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read input file");
    }

    @Test
    void badNumbersAreUsageErrorsWithoutStackTraces() {
        assertThat(run("--partitions", "0", "x.jsonl")).isEqualTo(2);
        assertThat(run("--timeout", "0", "x.jsonl")).isEqualTo(2);
        assertThat(run("--max-field-chars", "-1", "x.jsonl")).isEqualTo(2);
        assertThat(run("--topic", "same", "--dead-letter-topic", "same", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception").contains("must differ");
    }

    @Test
    void csvWithoutReadableHeaderIsAUsageError() throws IOException {
        Path input = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertThat(run("--dry-run", input.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("header");
    }

    @Test
    void unreachableKafkaExitsWithThree() throws IOException {
        Path input = Files.writeString(dir.resolve("one.jsonl"),
                "{\"id\":\"1\",\"receivedAt\":\"2019-04-25T09:32:09+08:00\",\"content\":\"x\"}\n");

        int exit = run("--bootstrap-servers", "127.0.0.1:1", "--timeout", "2", input.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("127.0.0.1:1");
    }

    @Test
    void helpDocumentsEveryOption() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--bootstrap-servers", "HOTLINE_KAFKA_BOOTSTRAP", "--profile-file",
                "mask-dead-letters", "--dead-letter-file", "--dry-run", "--json-summary", "Exit codes");
    }
}
