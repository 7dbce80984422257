package org.hotline.alerts.emerging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.math3.special.Beta;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.cluster.Report;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/**
 * 苗头性 phrases: phrases of recent reports whose daily document share is in a Kleinberg burst that is
 * still going on, that started within the recent window, that occur in at least {@code minRecentDocs}
 * recent reports, whose recent count is at least {@code minLift} times what their earlier share
 * predicts (this drops everyday words such as "领导" whose share merely wobbles), and whose recent count is
 * improbable under that share: an exact test of two Poisson rates ({@link #pValue}) of at most {@code alpha}
 * divided by the number of phrases tested that day (Bonferroni), so that among the thousands of phrases of a city's
 * texts chance alone raises an alert on about {@code alpha} of the days. Each alert says whether the phrase is new (absent before the window) and
 * whether the taxonomy knows it (a node name or keyword contains it or is contained in it).
 *
 * <p>One new problem often surfaces as several phrases: the pieces its wording is cut into ("以旧换", "新的问题").
 * Each phrase's evidence carries, per recent day, the {@value #SAMPLE_PER_DAY} smallest ids of its records (a
 * bottom-k sample), from which {@link #containment} estimates what share of one phrase's records the other has.
 * Phrases alerted the same day that are one inside the other or mostly share records make one alert, led by the
 * strongest burst, with the others listed among its phrases; a phrase whose records are mostly those of a phrase
 * already reported is the same event rising on, and is not alerted.
 *
 * <p>Counts kept only at or above a daily floor (the stream's memory bound) hide a phrase's days below it. Such a
 * day may have had up to {@code dailyFloor − 1} reports with the phrase, so the test charges the earlier days with
 * that much: a floor above 1 costs sensitivity, never false alarms.
 */
public final class EmergingPhraseDetector {

    /** The node path of a phrase alert is this prefix and the phrase: it has no taxonomy node. */
    public static final String PHRASE_PREFIX = "phrase:";

    /** Record ids kept per phrase and recent day: the examples, and the sample overlaps are estimated from. */
    public static final int SAMPLE_PER_DAY = 3;
    /** Two phrases are one event when at least this share of one's records has the other. */
    static final double SAME_EVENT = 0.5;

    private static final int EXAMPLES = 5;

    private final Function<String, Set<String>> phrases;
    private final KleinbergBurst burst;
    private final Set<String> knownTerms;
    private final int recentDays;
    private final int minRecentDocs;
    private final double minLift;
    private final double alpha;
    private final int dailyFloor;
    private final ZoneId zone;

    public EmergingPhraseDetector(Function<String, Set<String>> phrases, KleinbergBurst burst,
                                  Collection<String> knownTerms, int recentDays, int minRecentDocs, double minLift,
                                  double alpha, int dailyFloor, ZoneId zone) {
        this.phrases = phrases;
        this.burst = burst;
        this.knownTerms = Set.copyOf(knownTerms);
        this.recentDays = recentDays;
        this.minRecentDocs = minRecentDocs;
        this.minLift = minLift;
        this.alpha = alpha;
        this.dailyFloor = dailyFloor;
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

    /**
     * Where, and in which records, a phrase was seen in the recent days.
     *
     * @param dailySamples one list per recent day, oldest first: the {@value #SAMPLE_PER_DAY} smallest ids of that
     *                     day's records with the phrase (all of them when fewer)
     */
    public record PhraseEvidence(Set<String> places, List<List<String>> dailySamples) {
        public PhraseEvidence {
            places = Set.copyOf(places);
            dailySamples = dailySamples.stream().map(List::copyOf).toList();
        }

        /** The sampled ids, oldest day first. */
        public List<String> exampleRecordIds() {
            return dailySamples.stream().flatMap(List::stream).toList();
        }
    }

    /**
     * The estimated share of {@code part}'s recent records that {@code whole} also has, from their bottom-k samples:
     * on each day, among part's sampled ids up to the smaller of the two samples' largest (all of a sample is below
     * that bound when it is complete), the share also sampled in whole. Any record below both bounds that has both
     * phrases is in both samples, so that share estimates the overlap without bias when ids are in no particular
     * order of phrase.
     */
    static double containment(PhraseEvidence part, PhraseEvidence whole) {
        int considered = 0;
        int shared = 0;
        for (int d = 0; d < part.dailySamples().size(); d++) {
            List<String> partDay = part.dailySamples().get(d);
            List<String> wholeDay = d < whole.dailySamples().size() ? whole.dailySamples().get(d) : List.of();
            String bound = null;
            if (partDay.size() >= SAMPLE_PER_DAY) {
                bound = partDay.get(partDay.size() - 1);
            }
            if (wholeDay.size() >= SAMPLE_PER_DAY && (bound == null || wholeDay.get(wholeDay.size() - 1)
                    .compareTo(bound) < 0)) {
                bound = wholeDay.get(wholeDay.size() - 1);
            }
            for (String id : partDay) {
                if (bound == null || id.compareTo(bound) <= 0) {
                    considered++;
                    shared += wholeDay.contains(id) ? 1 : 0;
                }
            }
        }
        return considered == 0 ? 0 : shared / (double) considered;
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
        Map<String, Set<String>> recentPlaces = new HashMap<>();
        Map<String, List<TreeSet<String>>> recentIds = new HashMap<>();
        LocalDate recentFrom = asOf.minusDays(recentDays - 1L);
        int recentStart = Math.max(0, days - recentDays);
        for (Report report : seen) {
            int t = (int) ChronoUnit.DAYS.between(first, day(report));
            documents[t]++;
            for (String phrase : phrases.apply(report.text())) {
                phraseDocs.computeIfAbsent(phrase, p -> new int[days])[t]++;
                if (!day(report).isBefore(recentFrom)) {
                    if (!report.place().isEmpty()) {
                        recentPlaces.computeIfAbsent(phrase, p -> new LinkedHashSet<>()).add(report.place());
                    }
                    TreeSet<String> ids = recentIds.computeIfAbsent(phrase, p -> emptySamples(days - recentStart))
                            .get(t - recentStart);
                    ids.add(report.id());
                    if (ids.size() > SAMPLE_PER_DAY) {
                        ids.pollLast();
                    }
                }
            }
        }
        Map<String, PhraseEvidence> evidence = new HashMap<>();
        recentIds.forEach((phrase, ids) -> evidence.put(phrase, new PhraseEvidence(
                recentPlaces.getOrDefault(phrase, Set.of()), ids.stream().map(List::copyOf).toList())));
        return detect(first, documents, phraseDocs, evidence, Set.of());
    }

    private static List<TreeSet<String>> emptySamples(int days) {
        List<TreeSet<String>> samples = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            samples.add(new TreeSet<>());
        }
        return samples;
    }

    /**
     * Alerts from daily counts, for callers that keep counts rather than reports (the stream job): day t is
     * {@code first + t} and the last day is the decision day; {@code documents[t]} reports that day, of which
     * {@code phraseDocs.get(p)[t]} contain phrase p. {@code evidence} holds the places and sampled ids of the phrases
     * seen in the recent days (a phrase without is alerted without). {@code reported}: phrases alerted in their
     * current burst; they are not alerted again, nor are phrases whose records are mostly theirs.
     */
    public List<Alert> detect(LocalDate first, int[] documents, Map<String, int[]> phraseDocs,
                              Map<String, PhraseEvidence> evidence, Set<String> reported) {
        int days = documents.length;
        if (days == 0) {
            return List.of();
        }
        int recentStart = Math.max(0, days - recentDays);
        Map<String, Double> weights = new TreeMap<>();
        int tested = 0;
        for (Map.Entry<String, int[]> entry : phraseDocs.entrySet()) {
            if (sum(entry.getValue(), recentStart, days) < minRecentDocs) {
                continue;
            }
            tested++;
            KleinbergBurst.Bursts bursts = burst.detect(entry.getValue(), documents);
            if (bursts.currentBurstStart() >= recentStart) {
                weights.put(entry.getKey(), bursts.currentWeight());
            }
        }
        double maxPValue = alpha / Math.max(1, tested);
        List<Alert> alerts = new ArrayList<>();
        LocalDate asOf = first.plusDays(days - 1L);
        PhraseEvidence none = new PhraseEvidence(Set.of(), List.of());
        weights.forEach((phrase, weight) -> {
            PhraseEvidence seen = evidence.getOrDefault(phrase, none);
            Alert alert = alert(phrase, weight, phraseDocs.get(phrase), documents, seen, recentStart, first, asOf);
            boolean reportedBefore = reported.contains(phrase) || reported.stream()
                    .anyMatch(earlier -> containment(seen, evidence.getOrDefault(earlier, none)) >= SAME_EVENT);
            if (!reportedBefore && alert.observed() >= minLift * alert.expected() && alert.pValue() <= maxPValue) {
                alerts.add(alert);
            }
        });
        alerts.sort(Comparator.comparingDouble(Alert::score).reversed().thenComparing(Alert::nodePath));
        return mergeSameEvent(alerts, evidence);
    }

    /**
     * Folds an alert into a stronger one of the same day when one phrase contains the other or most of either's
     * records have the other phrase: the same reports rising, cut into different phrases. The stronger keeps its id
     * and lists the folded phrases after its own.
     */
    static List<Alert> mergeSameEvent(List<Alert> strongestFirst, Map<String, PhraseEvidence> evidence) {
        List<Alert> kept = new ArrayList<>();
        for (Alert alert : strongestFirst) {
            int into = -1;
            for (int i = 0; i < kept.size() && into < 0; i++) {
                if (sameEvent(phraseOf(kept.get(i)), phraseOf(alert), evidence)) {
                    into = i;
                }
            }
            if (into < 0) {
                kept.add(alert);
            } else {
                Alert lead = kept.get(into);
                List<String> phrases = new ArrayList<>(lead.evidence().topPhrases());
                phrases.addAll(alert.evidence().topPhrases());
                kept.set(into, new Alert(lead.id(), lead.kind(), lead.nodePath(), lead.districts(), lead.windowStart(),
                        lead.windowEnd(), lead.observed(), lead.expected(), lead.score(), lead.pValue(),
                        new Evidence(phrases, lead.evidence().exampleRecordIds(), lead.evidence().note())));
            }
        }
        return kept;
    }

    private static String phraseOf(Alert alert) {
        return alert.nodePath().substring(PHRASE_PREFIX.length());
    }

    private static boolean sameEvent(String a, String b, Map<String, PhraseEvidence> evidence) {
        if (a.contains(b) || b.contains(a)) {
            return true;
        }
        PhraseEvidence first = evidence.get(a);
        PhraseEvidence second = evidence.get(b);
        return first != null && second != null
                && (containment(first, second) >= SAME_EVENT || containment(second, first) >= SAME_EVENT);
    }

    private static int sum(int[] counts, int from, int to) {
        int sum = 0;
        for (int t = from; t < to; t++) {
            sum += counts[t];
        }
        return sum;
    }

    private Alert alert(String phrase, double weight, int[] docs, int[] documents, PhraseEvidence evidence,
                        int recentStart, LocalDate first, LocalDate asOf) {
        int before = sum(docs, 0, recentStart);
        int beforeDocuments = sum(documents, 0, recentStart);
        int recentDocuments = sum(documents, recentStart, documents.length);
        int recent = sum(docs, recentStart, docs.length);
        double expected = beforeDocuments == 0 ? 0 : recentDocuments * (double) before / beforeDocuments;
        double pValue = pValue(recent, earlierCount(docs, documents, recentStart),
                recentDocuments / (double) (recentDocuments + beforeDocuments));
        boolean known = isKnown(phrase);
        List<String> examples = evidence.exampleRecordIds().stream().limit(EXAMPLES).toList();
        String note = String.format(Locale.ROOT, "%s phrase%s: %d reports in the last %d days, %.1f expected from"
                        + " the %d days before", before == 0 ? "new" : "growing", known ? "" : ", unknown to the taxonomy",
                recent, recentDays, expected, recentStart);
        return Alert.of(AlertKind.EMERGING, PHRASE_PREFIX + phrase, List.copyOf(evidence.places()),
                first.plusDays(recentStart), asOf, recent, expected, weight, pValue,
                new Evidence(List.of(phrase), examples, note));
    }

    /**
     * The phrase's earlier reports, plus {@code dailyFloor − 1} for each earlier day on which the floor may have
     * hidden it.
     */
    private int earlierCount(int[] docs, int[] documents, int recentStart) {
        int before = 0;
        for (int t = 0; t < recentStart; t++) {
            before += docs[t] == 0 && documents[t] > 0 ? dailyFloor - 1 : docs[t];
        }
        return before;
    }

    /**
     * The exact test of two Poisson rates: given the phrase's {@code recent + before} reports, how likely at least
     * {@code recent} of them fall in the recent days if they fall there in proportion to all reports
     * ({@code recentShare}). It allows for the earlier count being an estimate, which a Poisson tail around it does
     * not.
     */
    static double pValue(int recent, int before, double recentShare) {
        if (recent == 0) {
            return 1.0;
        }
        if (recentShare >= 1) {
            return before == 0 ? 1.0 : 0.0;
        }
        // P(X >= k) for X ~ Binomial(n, q) is the regularized incomplete beta I_q(k, n - k + 1).
        return Beta.regularizedBeta(recentShare, recent, before + 1.0, 1e-14, 10_000);
    }

    /** Whether a taxonomy term contains the phrase or the phrase contains one. */
    public boolean isKnown(String phrase) {
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
