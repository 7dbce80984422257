package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gold × predicted counts over a fixed label list, with accuracy, per-class P/R/F1 and macro-F1. */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        for (String label : this.labels) {
            index.put(label, index.size());
        }
        this.counts = new long[labels.size()][labels.size()];
    }

    /** @throws IllegalArgumentException for a label not in the list */
    public void add(String gold, String predicted) {
        counts[indexOf(gold)][indexOf(predicted)]++;
    }

    private int indexOf(String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + labels);
        }
        return i;
    }

    public List<String> labels() {
        return labels;
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long total = total();
        return total == 0 ? 0 : (double) correct / total;
    }

    public ClassScores scores(String label) {
        int i = indexOf(label);
        long truePositives = counts[i][i];
        long predicted = 0;
        long gold = 0;
        for (int j = 0; j < counts.length; j++) {
            predicted += counts[j][i];
            gold += counts[i][j];
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = gold == 0 ? 0 : (double) truePositives / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScores(label, precision, recall, f1, gold);
    }

    /** Mean F1 over the labels that occur in the gold data (labels never seen as gold do not drag it down). */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (ClassScores s : allScores()) {
            if (s.support() > 0) {
                sum += s.f1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    public List<ClassScores> allScores() {
        List<ClassScores> all = new ArrayList<>();
        for (String label : labels) {
            all.add(scores(label));
        }
        return all;
    }

    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public record ClassScores(String label, double precision, double recall, double f1, long support) {}
}
