package org.hotline.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.classifier.CrossValidation;
import org.hotline.models.classifier.Evaluation;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.console.PhasedProgress;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores a model on labelled records: accuracy and macro-F1 at each level the gold labels "
                + "have, top-1/top-3 hit rates, per-class P/R/F1 and the level-1 confusion matrix.",
                "With --folds N: N-fold cross-validation instead (stratified by level 1, near-duplicate texts kept "
                        + "in one fold), training N models with the training options below, and the TF-IDF + "
                        + "linear SVM baseline on the same folds.",
                "With --holdout-share S: trains once on all but a grouped, stratified share S of the labelled "
                        + "records (fixed by --holdout-seed, whatever the training options) and scores the model and "
                        + "the baseline on that hold-out."})
public final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model directory (required without --folds).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "Labelled records.")
    Path data;

    @Option(names = "--folds", paramLabel = "N", description = "Cross-validate with N folds (N ≥ 2).")
    Integer folds;

    @Option(names = "--holdout-share", paramLabel = "S",
            description = "Hold out this share (0 < S < 1) of the labelled records, near-duplicates grouped, "
                    + "stratified by level 1; train on the rest and score on it.")
    Double holdoutShare;

    @Option(names = "--holdout-seed", defaultValue = "2026",
            description = "Seed of the --holdout-share split, independent of --seed (default: ${DEFAULT-VALUE}).")
    long holdoutSeed;

    @Option(names = "--top-k", defaultValue = "3", description = "Hit rate depth (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    TrainingFlags flags = new TrainingFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.guarded(err, () -> {
            List<HotlineRecord> records = CliSupport.readRecords(data);
            if (records.stream().allMatch(r -> r.labels().isEmpty())) {
                throw new UserInputException(data + " has no labelled records to evaluate on");
            }
            EvaluationReport report;
            if (folds != null && holdoutShare != null) {
                throw new UserInputException("--folds and --holdout-share cannot be combined");
            }
            if (holdoutShare != null) {
                if (!(holdoutShare > 0 && holdoutShare < 1)) {
                    throw new UserInputException("--holdout-share must be between 0 and 1, got " + holdoutShare);
                }
                Taxonomy taxonomy = CliSupport.taxonomy(flags.taxonomy);
                List<HotlineRecord> unlabelled = CliSupport.readAll(flags.unlabelled);
                PhasedProgress bar = new PhasedProgress();
                CrossValidation.Result result = CrossValidation.holdout(records, unlabelled, taxonomy,
                        flags.options(), holdoutShare, holdoutSeed, topK, bar);
                bar.finish();
                report = EvaluationReport.of(result.model(), topK);
                report.holdoutShare = holdoutShare;
                report.holdoutSeed = holdoutSeed;
                report.nearDuplicateGroups = result.groups();
                report.baseline = EvaluationReport.of(result.baseline(), topK);
                report.baselineName = "TF-IDF + linear SVM (same features, same split)";
            } else if (folds != null) {
                if (folds < 2) {
                    throw new UserInputException("--folds must be at least 2, got " + folds);
                }
                Taxonomy taxonomy = CliSupport.taxonomy(flags.taxonomy);
                List<HotlineRecord> unlabelled = CliSupport.readAll(flags.unlabelled);
                PhasedProgress bar = new PhasedProgress();
                CrossValidation.Result result = CrossValidation.run(records, unlabelled, taxonomy, flags.options(),
                        folds, topK, bar);
                bar.finish();
                report = EvaluationReport.of(result.model(), topK);
                report.folds = folds;
                report.nearDuplicateGroups = result.groups();
                report.baseline = EvaluationReport.of(result.baseline(), topK);
                report.baselineName = "TF-IDF + linear SVM (same features, same folds)";
            } else {
                if (model == null) {
                    throw new UserInputException("--model is required unless --folds or --holdout-share is given");
                }
                HotlineClassifier classifier = ClassifierModels.load(model);
                report = EvaluationReport.of(Evaluation.run(classifier, records, Math.max(3, topK)), topK);
                report.modelVersion = classifier.version();
            }
            out.println(json ? JSON.writeValueAsString(report) : report.toText());
            out.flush();
            return 0;
        });
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }
}
