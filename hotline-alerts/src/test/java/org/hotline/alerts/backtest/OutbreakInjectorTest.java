package org.hotline.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class OutbreakInjectorTest {

    private final DailySeries series = Synthetic.weekly(LocalDate.of(2020, 1, 6), 1000, 100, 0.5, 3);

    @Test
    void addsExactlyTheOutbreakTotalsOnTheOutbreakDays() {
        InjectionSpec spec = InjectionSpec.parse("count=10,sd=3,days=1-7,seed=1");
        OutbreakInjector.Injected injected = OutbreakInjector.inject(series, spec, 100, 999, 5);
        double added = 0;
        for (int t = 0; t < series.size(); t++) {
            added += injected.series().count(t) - series.count(t);
        }
        double planned = injected.outbreaks().stream().mapToDouble(OutbreakInjector.Outbreak::total).sum();
        assertThat(added).isEqualTo(planned);
        for (OutbreakInjector.Outbreak outbreak : injected.outbreaks()) {
            assertThat(outbreak.total()).isEqualTo(Math.round(3 * outbreak.baselineSd()));
            assertThat(outbreak.days()).isBetween(1, 7);
            assertThat(outbreak.start()).isBetween(100, 999);
        }
    }

    @Test
    void aDailySizeGivesEveryOutbreakDayThatManySds() {
        InjectionSpec spec = InjectionSpec.parse("count=10,sd=3,days=1-7,seed=1,size=daily");
        assertThat(spec.toString()).endsWith(",size=daily");
        OutbreakInjector.Injected injected = OutbreakInjector.inject(series, spec, 100, 999, 5);
        for (OutbreakInjector.Outbreak outbreak : injected.outbreaks()) {
            assertThat(outbreak.total()).isEqualTo(Math.round(3 * outbreak.baselineSd() * outbreak.days()));
            for (int t = outbreak.start(); t <= outbreak.end(); t++) {
                assertThat(injected.series().count(t) - series.count(t))
                        .isCloseTo(3 * outbreak.baselineSd(), within(1.0));
            }
        }
    }

    @Test
    void outbreaksNeverTouchAndTheSameSeedGivesTheSameOutbreaks() {
        InjectionSpec spec = InjectionSpec.parse("count=20,days=7");
        var first = OutbreakInjector.inject(series, spec, 100, 999, 9).outbreaks();
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i).start()).isGreaterThan(first.get(i - 1).end() + 7);
        }
        assertThat(OutbreakInjector.inject(series, spec, 100, 999, 9).outbreaks()).isEqualTo(first);
    }

    @Test
    void weekdaySdIgnoresTheWeeklyCycle() {
        double[] y = new double[28];
        for (int t = 0; t < 28; t++) {
            y[t] = t % 7 >= 5 ? 50 : 100; // a pure weekly cycle: no noise around each weekday's mean
        }
        double[] padded = new double[29];
        System.arraycopy(y, 0, padded, 0, 28);
        assertThat(OutbreakInjector.baselineSd(padded, 28, InjectionSpec.SdReference.WEEKDAY28)).isZero();
        assertThat(OutbreakInjector.baselineSd(padded, 28, InjectionSpec.SdReference.RAW28)).isCloseTo(23.0, within(1.0));
    }

    @Test
    void spreadsTheRemainderOverTheFirstDays() {
        double[] counts = new double[5];
        OutbreakInjector.spreadEvenly(counts, 1, 3, 8);
        assertThat(counts).containsExactly(0, 3, 3, 2, 0);
    }
}
