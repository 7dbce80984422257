package org.hotline.alerts;

import java.time.LocalDate;
import java.util.Random;
import org.hotline.alerts.series.DailySeries;

/** Seeded synthetic count series with a known structure, for tests. */
public final class Synthetic {

    private Synthetic() {
    }

    /** Poisson counts with mean {@code mean} on weekdays and {@code mean × weekend} on Saturdays and Sundays. */
    public static DailySeries weekly(LocalDate start, int days, double mean, double weekend, long seed) {
        Random random = new Random(seed);
        double[] counts = new double[days];
        for (int t = 0; t < days; t++) {
            int dow = start.plusDays(t).getDayOfWeek().getValue();
            counts[t] = poisson(random, dow >= 6 ? mean * weekend : mean);
        }
        return new DailySeries("synthetic", start, counts);
    }

    /** Poisson counts following mean × (1 + amplitude·cos(2π (dayOfYear − peakDay)/365)). */
    public static DailySeries yearly(LocalDate start, int days, double mean, double amplitude, int peakDay, long seed) {
        Random random = new Random(seed);
        double[] counts = new double[days];
        for (int t = 0; t < days; t++) {
            int doy = start.plusDays(t).getDayOfYear();
            counts[t] = poisson(random, mean * (1 + amplitude * Math.cos(2 * Math.PI * (doy - peakDay) / 365.0)));
        }
        return new DailySeries("synthetic", start, counts);
    }

    public static int poisson(Random random, double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    public static DailySeries withCount(DailySeries series, int day, double count) {
        double[] counts = series.countsCopy();
        counts[day] = count;
        return new DailySeries(series.key(), series.start(), counts);
    }
}
