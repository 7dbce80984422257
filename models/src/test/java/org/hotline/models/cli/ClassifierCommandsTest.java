package org.hotline.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.models.classifier.TinyCorpus;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifierCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL_MODEL = {"--buckets", "4096", "--dim", "16", "--epochs", "8",
            "--learning-rate", "0.02", "--batch-size", "32", "--calibration-fraction", "0"};

    @TempDir
    static Path dir;
    static Path taxonomy;
    static Path train;
    static Path test;
    static Path model;

    @BeforeAll
    static void trainModel() throws IOException {
        taxonomy = dir.resolve("taxonomy.csv");
        List<String> rows = new ArrayList<>(List.of("一级分类,二级分类,三级分类"));
        TinyCorpus.LEAVES.forEach(path -> rows.add(String.join(",", path)));
        Files.write(taxonomy, rows, StandardCharsets.UTF_8);
        train = write("train.jsonl", TinyCorpus.records(150, 1, false));
        test = write("test.jsonl", TinyCorpus.records(30, 2, true));
        model = dir.resolve("model");
        Run run = run(new TrainCommand(), concat("--data", train.toString(), "--taxonomy", taxonomy.toString(),
                "--out", model.toString()));
        assertThat(run.exitCode).as(run.err).isZero();
    }

    @Test
    void trainWritesAModelDirectoryAndReportsIt() {
        assertThat(model.resolve("model.json")).exists();
        assertThat(model.resolve("weights.bin")).exists();
        assertThat(model.resolve("network.zip")).exists();
    }

    @Test
    void predictWritesRankedValidSuggestionsPerRecord() throws IOException {
        Path output = dir.resolve("predictions.jsonl");
        Run run = run(new PredictCommand(), "--model", model.toString(), "--input", test.toString(),
                "--output", output.toString(), "--top-k", "4");
        assertThat(run.exitCode).as(run.err).isZero();

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(30);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("r2-0");
        JsonNode suggestions = first.get("suggestions");
        assertThat(suggestions.size()).isGreaterThanOrEqualTo(4);
        List<String> leafPaths = TinyCorpus.LEAVES.stream().map(p -> String.join(">", p)).toList();
        for (JsonNode s : suggestions) {
            List<String> path = new ArrayList<>();
            s.get("path").forEach(n -> path.add(n.asText()));
            assertThat(leafPaths).contains(String.join(">", path));
        }
        assertThat(suggestions.get(0).get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.has("needsReview")).isTrue();
    }

    @Test
    void evaluateReportsEveryGoldLevelAsJson() throws IOException {
        Run run = run(new EvaluateCommand(), "--model", model.toString(), "--data", test.toString(), "--json");
        assertThat(run.exitCode).as(run.err).isZero();
        JsonNode report = JSON.readTree(run.out);
        assertThat(report.get("records").asInt()).isEqualTo(30);
        assertThat(report.get("levels")).hasSize(3);
        assertThat(report.get("levels").get(0).get("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(report.get("levels").get(0).get("confusion")).isNotNull();
    }

    @Test
    void evaluateCanCrossValidateWithABaseline() {
        Run run = run(new EvaluateCommand(), concat("--data", train.toString(), "--taxonomy", taxonomy.toString(),
                "--folds", "2"));
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("2-fold cross-validation").contains("baseline: TF-IDF + linear SVM")
                .contains("level 1:");
    }

    @Test
    void evaluateCanScoreAGroupedHoldOut() throws IOException {
        Run run = run(new EvaluateCommand(), concat("--data", train.toString(), "--taxonomy", taxonomy.toString(),
                "--holdout-share", "0.2", "--holdout-seed", "2026", "--json"));
        assertThat(run.exitCode).as(run.err).isZero();
        JsonNode report = JSON.readTree(run.out);
        assertThat(report.get("records").asInt()).isBetween(27, 33);
        assertThat(report.get("holdoutSeed").asLong()).isEqualTo(2026);
        assertThat(report.get("baseline").get("records").asInt()).isEqualTo(report.get("records").asInt());

        Run both = run(new EvaluateCommand(), "--data", train.toString(), "--folds", "2", "--holdout-share", "0.2");
        assertThat(both.exitCode).isEqualTo(2);
        Run bad = run(new EvaluateCommand(), "--data", train.toString(), "--holdout-share", "1.5");
        assertThat(bad.exitCode).isEqualTo(2);
    }

    @Test
    void benchReportsThroughputSegmentationAndLatency() {
        Run run = run(new BenchClassifierCommand(), "--model", model.toString(), "--input", test.toString(),
                "--rounds", "1", "--warmup-rounds", "0", "--threads", "2");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("30 records").contains("records/s").contains("M chars/s").contains("p99");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\": \"1\", \"content\": \"路灯\"}\nnot json\n");
        Run run = run(new PredictCommand(), "--model", model.toString(), "--input", broken.toString(),
                "--output", dir.resolve("x.jsonl").toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("error: ").contains("broken.jsonl:2").doesNotContain("\n");
    }

    @Test
    void missingModelIsAUserError() {
        Run run = run(new PredictCommand(), "--model", dir.resolve("nope").toString(), "--input", test.toString(),
                "--output", dir.resolve("y.jsonl").toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("model.json");
    }

    private static String[] concat(String... args) {
        String[] all = new String[args.length + SMALL_MODEL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL_MODEL, 0, all, args.length, SMALL_MODEL.length);
        return all;
    }

    private static Path write(String name, List<HotlineRecord> records) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, records.stream().map(HotlineRecordJson::write).toList(), StandardCharsets.UTF_8);
        return file;
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
