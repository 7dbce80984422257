package org.hotline.models.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.models.classifier.ConfusionMatrix;
import org.hotline.models.classifier.Evaluation;

/** What evaluate prints, as plain fields so Jackson writes the --json form directly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class EvaluationReport {
    public String modelVersion;
    public Integer folds;
    public Double holdoutShare;
    public Long holdoutSeed;
    public Integer nearDuplicateGroups;
    public int records;
    public double top1;
    public int topK;
    public double topKHitRate;
    public double reviewRate;
    public double acceptedLevel1Accuracy;
    public List<Level> levels = new ArrayList<>();
    public String baselineName;
    public EvaluationReport baseline;

    /** Scores at one taxonomy level. */
    static final class Level {
        public int level;
        public long records;
        public double accuracy;
        public double macroF1;
        public List<ConfusionMatrix.ClassScores> perClass;
        public List<String> confusionLabels;
        public long[][] confusion;
    }

    static EvaluationReport of(Evaluation evaluation, int topK) {
        EvaluationReport report = new EvaluationReport();
        report.records = evaluation.size();
        report.top1 = evaluation.hitRate(1);
        report.topK = topK;
        report.topKHitRate = evaluation.hitRate(topK);
        report.reviewRate = evaluation.reviewRate();
        report.acceptedLevel1Accuracy = evaluation.acceptedLevel1Accuracy();
        for (int level = 1; level <= evaluation.maxGoldDepth(); level++) {
            ConfusionMatrix matrix = evaluation.confusion(level);
            Level l = new Level();
            l.level = level;
            l.records = matrix.total();
            l.accuracy = matrix.accuracy();
            l.macroF1 = matrix.macroF1();
            l.perClass = matrix.allScores().stream().filter(s -> s.support() > 0).toList();
            if (level == 1) {
                l.confusionLabels = matrix.labels();
                l.confusion = matrix.counts();
            }
            report.levels.add(l);
        }
        return report;
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        if (folds != null) {
            out.append(String.format("%d-fold cross-validation, %d near-duplicate groups%n", folds,
                    nearDuplicateGroups));
        }
        if (holdoutShare != null) {
            out.append(String.format(Locale.ROOT, "hold-out %.2f (seed %d), %d near-duplicate groups%n",
                    holdoutShare, holdoutSeed, nearDuplicateGroups));
        }
        if (modelVersion != null) {
            out.append("model ").append(modelVersion).append('\n');
        }
        appendScores(out, this);
        if (baseline != null) {
            out.append("\nbaseline: ").append(baselineName).append('\n');
            appendScores(out, baseline);
        }
        return out.toString();
    }

    private static void appendScores(StringBuilder out, EvaluationReport r) {
        out.append(String.format(Locale.ROOT, "records %d   top-1 %.4f   top-%d %.4f   review rate %.3f "
                        + "(level-1 accuracy when not flagged %.4f)%n",
                r.records, r.top1, r.topK, r.topKHitRate, r.reviewRate, r.acceptedLevel1Accuracy));
        for (Level level : r.levels) {
            out.append(String.format(Locale.ROOT, "level %d: records %d   accuracy %.4f   macro-F1 %.4f%n",
                    level.level, level.records, level.accuracy, level.macroF1));
            if (level.level == 1) {
                for (ConfusionMatrix.ClassScores s : level.perClass) {
                    out.append(String.format(Locale.ROOT, "  %-12s P %.3f  R %.3f  F1 %.3f  n %d%n", s.label(),
                            s.precision(), s.recall(), s.f1(), s.support()));
                }
                out.append("  confusion (rows gold, columns predicted):\n");
                for (int g = 0; g < level.confusionLabels.size(); g++) {
                    StringBuilder row = new StringBuilder();
                    for (long c : level.confusion[g]) {
                        row.append(String.format("%6d", c));
                    }
                    out.append(String.format("  %-12s%s%n", level.confusionLabels.get(g), row));
                }
            }
        }
    }
}
