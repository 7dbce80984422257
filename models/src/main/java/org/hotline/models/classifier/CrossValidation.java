package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;

/**
 * K-fold cross-validation stratified by level-1 label, with near-duplicate texts grouped so a group never spans
 * training and test. Trains the full model and the TF-IDF + SVM baseline on the same folds.
 */
public final class CrossValidation {
    /** Jaccard of character 5-grams above which two messages count as the same message. */
    public static final double NEAR_DUPLICATE_THRESHOLD = 0.8;

    private CrossValidation() {}

    public record Result(Evaluation model, Evaluation baseline, int groups) {}

    public static Result run(List<HotlineRecord> records, List<HotlineRecord> unlabelled, Taxonomy taxonomy,
                             TrainOptions options, int folds, int topK, TrainingProgress progress) {
        List<HotlineRecord> labelled = records.stream().filter(r -> !r.labels().isEmpty()).toList();
        int[] groups = NearDuplicates.groups(labelled.stream().map(HotlineRecord::text).toList(),
                NEAR_DUPLICATE_THRESHOLD);
        int[] fold = assignFolds(labelled, groups, folds, options.seed());
        Evaluation model = new Evaluation();
        Evaluation baseline = new Evaluation();
        for (int k = 0; k < folds; k++) {
            List<HotlineRecord> train = new ArrayList<>();
            List<HotlineRecord> test = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                (fold[i] == k ? test : train).add(labelled.get(i));
            }
            int current = k;
            TrainingProgress foldProgress = (phase, done, total) ->
                    progress.update("fold " + (current + 1) + "/" + folds + " " + phase, done, total);
            HotlineClassifier classifier =
                    ClassifierTrainer.train(train, unlabelled, taxonomy, options, foldProgress).classifier();
            model.addAll(Evaluation.run(classifier, test, topK));
            LinearBaseline linear = ClassifierTrainer.trainBaseline(train, unlabelled, taxonomy, options);
            baseline.addAll(Evaluation.run(linear, test, topK));
        }
        int distinctGroups = (int) Arrays.stream(groups).distinct().count();
        return new Result(model, baseline, distinctGroups);
    }

    /**
     * Trains on everything but a grouped, stratified hold-out share of the labelled records and scores the model
     * and the TF-IDF + SVM baseline on that hold-out only. With a fixed {@code holdoutSeed} the hold-out is the
     * same whatever the training options, so it can be kept untouched while choosing them on the rest.
     */
    public static Result holdout(List<HotlineRecord> records, List<HotlineRecord> unlabelled, Taxonomy taxonomy,
                                 TrainOptions options, double share, long holdoutSeed, int topK,
                                 TrainingProgress progress) {
        List<HotlineRecord> labelled = records.stream().filter(r -> !r.labels().isEmpty()).toList();
        int[] groups = NearDuplicates.groups(labelled.stream().map(HotlineRecord::text).toList(),
                NEAR_DUPLICATE_THRESHOLD);
        boolean[] test = holdoutSplit(labelled, groups, share, holdoutSeed);
        List<HotlineRecord> train = new ArrayList<>();
        List<HotlineRecord> held = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            (test[i] ? held : train).add(labelled.get(i));
        }
        HotlineClassifier classifier =
                ClassifierTrainer.train(train, unlabelled, taxonomy, options, progress).classifier();
        Evaluation model = Evaluation.run(classifier, held, topK);
        LinearBaseline linear = ClassifierTrainer.trainBaseline(train, unlabelled, taxonomy, options);
        Evaluation baseline = Evaluation.run(linear, held, topK);
        return new Result(model, baseline, (int) Arrays.stream(groups).distinct().count());
    }

    /**
     * A grouped, stratified hold-out: whole near-duplicate groups, visited in seeded random order, go to the
     * hold-out while their level-1 class stays within {@code share} of its records (rounded).
     * Depends only on the records, their groups, the share and the seed.
     *
     * @return per record, whether it is held out
     */
    public static boolean[] holdoutSplit(List<HotlineRecord> records, int[] groups, double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("hold-out share must be in (0, 1), got " + share);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        Map<String, Integer> perLabel = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            perLabel.merge(records.get(i).labels().get(0), 1, Integer::sum);
        }
        Map<String, Integer> quota = new HashMap<>();
        perLabel.forEach((label, count) -> quota.put(label, (int) Math.round(count * share)));
        List<Integer> order = new ArrayList<>(members.keySet());
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        Map<String, Integer> taken = new HashMap<>();
        boolean[] heldOut = new boolean[groups.length];
        for (int group : order) {
            List<Integer> rows = members.get(group);
            String label = records.get(rows.get(0)).labels().get(0);
            int already = taken.getOrDefault(label, 0);
            if (already + rows.size() <= quota.get(label)) {
                for (int row : rows) {
                    heldOut[row] = true;
                }
                taken.put(label, already + rows.size());
            }
        }
        return heldOut;
    }

    /**
     * Greedy stratified group assignment: largest groups first (ties in seeded random order), each to the fold
     * that so far holds the fewest records of the group's level-1 label, then the fewest records overall.
     */
    static int[] assignFolds(List<HotlineRecord> records, int[] groups, int folds, long seed) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<Integer> order = new ArrayList<>(members.keySet());
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> Integer.compare(members.get(b).size(), members.get(a).size()));
        Map<String, int[]> perLabel = new HashMap<>();
        int[] sizes = new int[folds];
        int[] fold = new int[groups.length];
        for (int group : order) {
            List<Integer> rows = members.get(group);
            String label = records.get(rows.get(0)).labels().get(0);
            int[] counts = perLabel.computeIfAbsent(label, l -> new int[folds]);
            int best = 0;
            for (int k = 1; k < folds; k++) {
                if (counts[k] < counts[best] || (counts[k] == counts[best] && sizes[k] < sizes[best])) {
                    best = k;
                }
            }
            for (int row : rows) {
                fold[row] = best;
            }
            counts[best] += rows.size();
            sizes[best] += rows.size();
        }
        return fold;
    }
}
