package org.hotline.alerts.emerging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.cluster.Report;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/**
 * 苗头性 phrases: phrases of recent reports whose daily document share is in a Kleinberg burst that is
 * still going on, that started within the recent window, that occur in at least {@code minRecentDocs}
 * recent reports, and whose recent count is at least {@code minLift} times what their earlier share
 * predicts (this drops everyday words such as "领导" whose share merely wobbles). Each alert says whether the phrase is new (absent before the window) and whether the
 * taxonomy knows it (a node name or keyword contains it or is contained in it).
 */
public final class EmergingPhraseDetector {

    /** The node path of a phrase alert is this prefix and the phrase: it has no taxonomy node. */
    public static final String PHRASE_PREFIX = "phrase:";

    private static final int EXAMPLES = 5;

    private final Function<String, Set<String>> phrases;
    private final KleinbergBurst burst;
    private final Set<String> knownTerms;
    private final int recentDays;
    private final int minRecentDocs;
    private final double minLift;
    private final ZoneId zone;

    public EmergingPhraseDetector(Function<String, Set<String>> phrases, KleinbergBurst burst,
                                  Collection<String> knownTerms, int recentDays, int minRecentDocs, double minLift,
                                  ZoneId zone) {
        this.phrases = phrases;
        this.burst = burst;
        this.knownTerms = Set.copyOf(knownTerms);
        this.recentDays = recentDays;
        this.minRecentDocs = minRecentDocs;
        this.minLift = minLift;
        this.zone = zone;
    }

    /** Node names and keywords: what the taxonomy already has a word for. */
    public static Set<String> knownTerms(Taxonomy taxonomy) {
        Set<String> terms = new LinkedHashSet<>();
        for (TaxonomyNode node : taxonomy.nodes()) {
            terms.add(node.name());
            terms.addAll(node.keywords());
        }
        return terms;
    }

    /** Alerts for the days up to {@code asOf}; reports after it are ignored (no look-ahead). */
    public List<Alert> detect(List<Report> reports, LocalDate asOf) {
        List<Report> seen = reports.stream().filter(r -> !day(r).isAfter(asOf)).toList();
        if (seen.isEmpty()) {
            return List.of();
        }
        LocalDate first = seen.stream().map(this::day).min(LocalDate::compareTo).orElseThrow();
        int days = (int) ChronoUnit.DAYS.between(first, asOf) + 1;
        int[] documents = new int[days];
        Map<String, int[]> phraseDocs = new HashMap<>();
        Map<String, List<Report>> recentByPhrase = new HashMap<>();
        LocalDate recentFrom = asOf.minusDays(recentDays - 1L);
        for (Report report : seen) {
            int t = (int) ChronoUnit.DAYS.between(first, day(report));
            documents[t]++;
            for (String phrase : phrases.apply(report.text())) {
                phraseDocs.computeIfAbsent(phrase, p -> new int[days])[t]++;
                if (!day(report).isBefore(recentFrom)) {
                    recentByPhrase.computeIfAbsent(phrase, p -> new ArrayList<>()).add(report);
                }
            }
        }
        int recentStart = Math.max(0, days - recentDays);
        List<Alert> alerts = new ArrayList<>();
        Map<String, Double> weights = new TreeMap<>();
        recentByPhrase.forEach((phrase, recent) -> {
            if (recent.size() < minRecentDocs) {
                return;
            }
            KleinbergBurst.Bursts bursts = burst.detect(phraseDocs.get(phrase), documents);
            int start = bursts.currentBurstStart();
            if (start >= recentStart) {
                weights.put(phrase, bursts.currentWeight());
            }
        });
        weights.forEach((phrase, weight) -> {
            Alert alert = alert(phrase, weight, phraseDocs.get(phrase), documents, recentByPhrase.get(phrase),
                    recentStart, first, asOf);
            if (alert.observed() >= minLift * alert.expected()) {
                alerts.add(alert);
            }
        });
        alerts.sort((a, b) -> Double.compare(b.score(), a.score()));
        return alerts;
    }

    private Alert alert(String phrase, double weight, int[] docs, int[] documents, List<Report> recent, int recentStart,
                        LocalDate first, LocalDate asOf) {
        int before = 0;
        int beforeDocuments = 0;
        int recentDocuments = 0;
        for (int t = 0; t < docs.length; t++) {
            if (t < recentStart) {
                before += docs[t];
                beforeDocuments += documents[t];
            } else {
                recentDocuments += documents[t];
            }
        }
        double expected = beforeDocuments == 0 ? 0 : recentDocuments * (double) before / beforeDocuments;
        boolean known = isKnown(phrase);
        Set<String> places = new LinkedHashSet<>();
        List<String> examples = new ArrayList<>();
        for (Report report : recent) {
            if (!report.place().isEmpty()) {
                places.add(report.place());
            }
            if (examples.size() < EXAMPLES) {
                examples.add(report.id());
            }
        }
        String note = String.format(Locale.ROOT, "%s phrase%s: %d reports in the last %d days, %.1f expected from"
                        + " the %d days before", before == 0 ? "new" : "growing", known ? "" : ", unknown to the taxonomy",
                recent.size(), recentDays, expected, recentStart);
        return Alert.of(AlertKind.EMERGING, PHRASE_PREFIX + phrase, List.copyOf(places), first.plusDays(recentStart),
                asOf, recent.size(), expected, weight, Double.NaN, new Evidence(List.of(phrase), examples, note));
    }

    boolean isKnown(String phrase) {
        for (String term : knownTerms) {
            if (term.contains(phrase) || phrase.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private LocalDate day(Report report) {
        return report.receivedAt().atZone(zone).toLocalDate();
    }
}
