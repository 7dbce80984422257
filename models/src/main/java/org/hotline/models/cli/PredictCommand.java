package org.hotline.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.classifier.Prediction;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.HotlineRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Suggests taxonomy paths for each record of a JSON Lines file (title and/or content).",
                "Writes one line per input: {\"id\", \"suggestions\": [{\"path\", \"score\"}...], "
                        + "\"needsReview\"}, best first; the first suggestion's level 1 is the model's decision."})
public final class PredictCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SCORE_ROUNDING = 1e4;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory from train.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Records to classify.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Where to write.")
    Path output;

    @Option(names = "--top-k", defaultValue = "3",
            description = "Suggestions per record, at least 1 (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--review-threshold", paramLabel = "P",
            description = "Override the model's review threshold (level-1 score below it → needsReview).")
    Double reviewThreshold;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.guarded(err, () -> {
            if (topK < 1) {
                throw new UserInputException("--top-k must be at least 1, got " + topK);
            }
            HotlineClassifier classifier = ClassifierModels.load(model);
            if (reviewThreshold != null) {
                classifier = classifier.withReviewThreshold(reviewThreshold);
            }
            List<HotlineRecord> records = CliSupport.readRecords(input);
            HotlineClassifier chosen = classifier;
            List<Prediction> predictions = records.parallelStream()
                    .map(r -> chosen.predict(r.title(), r.content(), topK)).toList();
            try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                for (int i = 0; i < records.size(); i++) {
                    out.write(JSON.writeValueAsString(line(records.get(i).id(), predictions.get(i))));
                    out.newLine();
                }
            }
            err.printf("%d records classified with model %s → %s%n", records.size(), classifier.version(), output);
            err.flush();
            return 0;
        });
    }

    static ObjectNode line(String id, Prediction prediction) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        ArrayNode suggestions = node.putArray("suggestions");
        for (Suggestion suggestion : prediction.suggestions()) {
            ObjectNode s = suggestions.addObject();
            ArrayNode path = s.putArray("path");
            suggestion.path().forEach(path::add);
            s.put("score", Math.round(suggestion.score() * SCORE_ROUNDING) / SCORE_ROUNDING);
        }
        node.put("needsReview", prediction.needsReview());
        return node;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PredictCommand()).execute(args));
    }
}
