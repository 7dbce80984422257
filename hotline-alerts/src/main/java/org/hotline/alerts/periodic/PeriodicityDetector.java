package org.hotline.alerts.periodic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.FDistribution;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.series.DailySeries;

/**
 * 周期性 demands: finds weekly, monthly and yearly periods in a daily series and warns ahead of the next
 * yearly rise.
 *
 * <p>Weekly and monthly periods are tested with a one-way ANOVA of the counts divided by their centred
 * 28-day moving average, grouped by weekday or by day of month (F-test). The yearly period is the
 * correlation between consecutive years' smoothed profiles. A yearly rise's onset is the first day after a
 * year's trough on which the centred 42-day mean reaches halfway from the trough to the following peak; when
 * past onsets agree (spread ≤ {@code maxOnsetSpreadDays}), the next one is expected on
 * their mean day of year, and a warning is raised when it is at most {@code leadDays} away and the series has a
 * yearly period (consecutive years' profiles correlate): two agreeing onsets alone happen by chance in about one
 * sparse noise series in five, with the yearly period in about one in 300.
 *
 * <p>History: a warning needs two past onsets, and the onset of the current year's block (the last 365 days) is
 * never found before its rise, so it must come from the two blocks before it: at least {@link #HISTORY_DAYS} days.
 */
public final class PeriodicityDetector {

    /** A detected period. strength: share of variance explained (weekly, monthly) or correlation (yearly). */
    public record Period(String name, int days, double strength, double pValue) {
    }

    /** Onset dates of the yearly rise in past years and the next expected one. */
    public record YearlyRise(List<LocalDate> pastOnsets, LocalDate nextOnset, double spreadDays) {
    }

    /** Days a series needs for a warning ahead of its rise: three 365-day blocks (see the class comment). */
    public static final int HISTORY_DAYS = 3 * 365;

    private static final double ALPHA = 0.01;
    /** Centred smoothing for onsets: long enough to flatten weekly cycles and single storms. */
    private static final int SMOOTH_DAYS = 42;
    /** A yearly rise must at least do this (peak / trough of the smoothed counts); smaller ones are noise. */
    private static final double MIN_RISE = 1.5;

    private final int leadDays;
    private final int maxOnsetSpreadDays;

    public PeriodicityDetector(int leadDays, int maxOnsetSpreadDays) {
        this.leadDays = leadDays;
        this.maxOnsetSpreadDays = maxOnsetSpreadDays;
    }

    public static PeriodicityDetector standard() {
        return new PeriodicityDetector(14, 21);
    }

    public int maxOnsetSpreadDays() {
        return maxOnsetSpreadDays;
    }

    /** Weekly, monthly and yearly periods that are significant at 1% (yearly: correlation ≥ 0.5). */
    public List<Period> periods(DailySeries series) {
        List<Period> periods = new ArrayList<>();
        double[] ratio = detrendedRatio(series.countsView());
        if (series.size() >= 8 * 7) {
            addIfSignificant(periods, anova("weekly", 7, ratio, series, d -> d.getDayOfWeek().getValue() - 1, 7));
        }
        if (series.size() >= 180) {
            addIfSignificant(periods, anova("monthly", 30, ratio, series, d -> d.getDayOfMonth() - 1, 31));
        }
        if (hasYearlyPeriod(series)) {
            periods.add(new Period("yearly", 365, yearlyCorrelation(series.countsView()), Double.NaN));
        }
        return periods;
    }

    /** Two years and a month of history at least, and consecutive years' profiles correlate at 0.5 or more. */
    public boolean hasYearlyPeriod(DailySeries series) {
        return series.size() >= 2 * 365 + 28 && yearlyCorrelation(series.countsView()) >= 0.5;
    }

    private static void addIfSignificant(List<Period> periods, Period period) {
        if (period.pValue() < ALPHA) {
            periods.add(period);
        }
    }

    /** The yearly rise, or null when the history shows fewer than two rises or their onsets disagree. */
    public YearlyRise yearlyRise(DailySeries series) {
        double[] y = series.countsView();
        double[] smooth = centredMean(y, SMOOTH_DAYS);
        List<Integer> onsetDays = new ArrayList<>();
        for (int yearEnd = y.length - 1; yearEnd - 364 >= 0; yearEnd -= 365) {
            int onset = onsetAfterTrough(smooth, yearEnd - 364, yearEnd);
            boolean seen = onsetDays.stream().anyMatch(o -> Math.abs(o - onset) < 180);
            if (onset >= 0 && !seen) {
                onsetDays.add(onset);
            }
        }
        if (onsetDays.size() < 2) {
            return null;
        }
        List<LocalDate> onsets = onsetDays.stream().sorted().map(series::date).toList();
        double[] dayOfYear = onsets.stream().mapToDouble(d -> d.getDayOfYear()).toArray();
        double mean = circularMeanDay(dayOfYear);
        double spread = circularSpreadDays(dayOfYear, mean);
        if (spread > maxOnsetSpreadDays) {
            return null;
        }
        LocalDate last = series.date(y.length - 1);
        LocalDate next = LocalDate.of(last.getYear(), 1, 1).plusDays(Math.round(mean) - 1);
        if (!next.isAfter(last)) {
            next = LocalDate.of(last.getYear() + 1, 1, 1).plusDays(Math.round(mean) - 1);
        }
        return new YearlyRise(onsets, next, spread);
    }

    /**
     * The next yearly rise of {@code series} when it is at most {@code leadDays} after the series' last day, past
     * onsets agree and the series has a yearly period; else empty.
     */
    public Optional<YearlyRise> upcomingRise(DailySeries series) {
        if (!hasYearlyPeriod(series)) {
            return Optional.empty();
        }
        YearlyRise rise = yearlyRise(series);
        LocalDate last = series.date(series.size() - 1);
        return rise != null && ChronoUnit.DAYS.between(last, rise.nextOnset()) <= leadDays ? Optional.of(rise)
                : Optional.empty();
    }

    /**
     * PERIODIC warnings for one node: every district whose next yearly rise is at most {@code leadDays}
     * after {@code asOf} (the series' last day), merged into one alert listing those districts.
     */
    public List<Alert> warnAhead(String nodePath, Map<String, DailySeries> seriesByDistrict) {
        Map<String, YearlyRise> upcoming = new TreeMap<>();
        LocalDate asOf = null;
        for (Map.Entry<String, DailySeries> entry : seriesByDistrict.entrySet()) {
            DailySeries series = entry.getValue();
            LocalDate last = series.date(series.size() - 1);
            asOf = asOf == null || last.isAfter(asOf) ? last : asOf;
            upcomingRise(series).ifPresent(rise -> upcoming.put(entry.getKey(), rise));
        }
        if (upcoming.isEmpty()) {
            return List.of();
        }
        LocalDate first = upcoming.values().stream().map(YearlyRise::nextOnset).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastOnset = upcoming.values().stream().map(YearlyRise::nextOnset).max(LocalDate::compareTo)
                .orElseThrow();
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "yearly rise expected in %d days in %d district(s); past onsets:",
                ChronoUnit.DAYS.between(asOf, first), upcoming.size()));
        upcoming.forEach((district, rise) -> note.append(' ').append(district).append(' ')
                .append(rise.pastOnsets()).append(String.format(Locale.ROOT, " (±%.0f d);", rise.spreadDays())));
        double meanSpread = upcoming.values().stream().mapToDouble(YearlyRise::spreadDays).average().orElse(0);
        return List.of(Alert.of(AlertKind.PERIODIC, nodePath, List.copyOf(upcoming.keySet()), first, lastOnset,
                Double.NaN, Double.NaN, ChronoUnit.DAYS.between(asOf, first), Double.NaN,
                Evidence.note(note.toString() + String.format(Locale.ROOT, " mean spread %.1f days", meanSpread))));
    }

    /**
     * The onset of the rise that follows the trough of [from, to]: the first day after the trough on which
     * the smoothed series reaches halfway from the trough to the highest point of the following year. −1
     * when the peak is less than {@link #MIN_RISE} times the trough or is not yet clearly past (within 14 days
     * of the data's end).
     */
    static int onsetAfterTrough(double[] smooth, int from, int to) {
        int trough = from;
        for (int t = from; t <= to; t++) {
            if (smooth[t] < smooth[trough]) {
                trough = t;
            }
        }
        int stop = Math.min(smooth.length - 1, trough + 364);
        int peak = trough;
        for (int t = trough; t <= stop; t++) {
            if (smooth[t] > smooth[peak]) {
                peak = t;
            }
        }
        if (smooth[peak] < MIN_RISE * smooth[trough] || peak > smooth.length - 1 - 14) {
            return -1;
        }
        double half = (smooth[trough] + smooth[peak]) / 2;
        int t = trough;
        while (t < peak && smooth[t] < half) {
            t++;
        }
        return t;
    }

    /** Mean of the days around each day (past years are fully observed, so no lag is needed). */
    private static double[] centredMean(double[] y, int days) {
        double[] prefix = new double[y.length + 1];
        for (int t = 0; t < y.length; t++) {
            prefix[t + 1] = prefix[t] + y[t];
        }
        double[] mean = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            int from = Math.max(0, t - days / 2);
            int to = Math.min(y.length - 1, t + days / 2 - 1);
            mean[t] = (prefix[to + 1] - prefix[from]) / (to - from + 1);
        }
        return mean;
    }

    private static double[] trailingMean(double[] y, int days) {
        double[] mean = new double[y.length];
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            sum += y[t];
            if (t >= days) {
                sum -= y[t - days];
            }
            mean[t] = sum / Math.min(t + 1, days);
        }
        return mean;
    }

    private static double[] detrendedRatio(double[] y) {
        double[] ratio = new double[y.length];
        int half = 14;
        for (int t = 0; t < y.length; t++) {
            int from = Math.max(0, t - half);
            int to = Math.min(y.length - 1, t + half - 1);
            double sum = 0;
            for (int s = from; s <= to; s++) {
                sum += y[s];
            }
            double mean = sum / (to - from + 1);
            ratio[t] = mean > 0 ? y[t] / mean : 1;
        }
        return ratio;
    }

    private static Period anova(String name, int days, double[] ratio, DailySeries series,
                                java.util.function.ToIntFunction<LocalDate> groupOf, int groups) {
        double[] sum = new double[groups];
        int[] n = new int[groups];
        double total = 0;
        for (int t = 0; t < ratio.length; t++) {
            int g = groupOf.applyAsInt(series.date(t));
            sum[g] += ratio[t];
            n[g]++;
            total += ratio[t];
        }
        double grand = total / ratio.length;
        double between = 0;
        int usedGroups = 0;
        for (int g = 0; g < groups; g++) {
            if (n[g] > 0) {
                double mean = sum[g] / n[g];
                between += n[g] * (mean - grand) * (mean - grand);
                usedGroups++;
            }
        }
        double within = 0;
        for (int t = 0; t < ratio.length; t++) {
            int g = groupOf.applyAsInt(series.date(t));
            double mean = sum[g] / n[g];
            within += (ratio[t] - mean) * (ratio[t] - mean);
        }
        int df1 = usedGroups - 1;
        int df2 = ratio.length - usedGroups;
        if (df1 < 1 || df2 < 1 || within <= 0) {
            return new Period(name, days, between > 0 ? 1 : 0, between > 0 ? 0 : 1);
        }
        double f = (between / df1) / (within / df2);
        double p = 1 - new FDistribution(null, df1, df2).cumulativeProbability(f);
        return new Period(name, days, between / (between + within), p);
    }

    /** Mean correlation of each complete year's 28-day-smoothed profile with the year before it. */
    private static double yearlyCorrelation(double[] y) {
        double[] smooth = trailingMean(y, 28);
        double sum = 0;
        int pairs = 0;
        for (int end = y.length - 1; end - 2 * 365 + 1 >= 28; end -= 365) {
            double[] a = java.util.Arrays.copyOfRange(smooth, end - 365 + 1, end + 1);
            double[] b = java.util.Arrays.copyOfRange(smooth, end - 2 * 365 + 1, end - 365 + 1);
            sum += new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
            pairs++;
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static double circularMeanDay(double[] dayOfYear) {
        double s = 0;
        double c = 0;
        for (double d : dayOfYear) {
            s += Math.sin(2 * Math.PI * d / 365.25);
            c += Math.cos(2 * Math.PI * d / 365.25);
        }
        double angle = Math.atan2(s, c);
        double day = angle * 365.25 / (2 * Math.PI);
        return day <= 0 ? day + 365.25 : day;
    }

    private static double circularSpreadDays(double[] dayOfYear, double mean) {
        double ss = 0;
        for (double d : dayOfYear) {
            double diff = Math.abs(d - mean) % 365.25;
            diff = Math.min(diff, 365.25 - diff);
            ss += diff * diff;
        }
        return Math.sqrt(ss / dayOfYear.length);
    }
}
