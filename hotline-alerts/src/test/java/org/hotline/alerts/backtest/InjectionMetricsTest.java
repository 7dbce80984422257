package org.hotline.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.detect.Decision;
import org.junit.jupiter.api.Test;

class InjectionMetricsTest {

    /** Decisions for days 10..59 with the given statistics; alarm above 1. */
    private static List<Decision> decisions(double[] statistics) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < statistics.length; i++) {
            decisions.add(Decision.of(LocalDate.of(2024, 1, 1).plusDays(10 + i), 0, 0, 0, statistics[i], 1, "t"));
        }
        return decisions;
    }

    @Test
    void countsDetectionDelayAndFalseAlarmsOutsideOutbreaks() {
        double[] statistics = new double[50];
        statistics[22 - 10] = 2; // second day of outbreak A (days 21..23)
        statistics[41 - 10] = 2; // after outbreak B (days 35..37): a false alarm
        statistics[15 - 10] = 2; // a false alarm
        List<OutbreakInjector.Outbreak> outbreaks = List.of(new OutbreakInjector.Outbreak(21, 3, 30, 10),
                new OutbreakInjector.Outbreak(35, 3, 30, 10));
        InjectionMetrics metrics = InjectionMetrics.measure(decisions(statistics), 10, outbreaks, 10, 59, 7);
        assertThat(metrics.detected()).isEqualTo(1);
        assertThat(metrics.probabilityOfDetection()).isEqualTo(0.5);
        assertThat(metrics.delays()).containsExactly(1);
        assertThat(metrics.quietDays()).isEqualTo(44);
        assertThat(metrics.falseAlarms()).isEqualTo(2);
        assertThat(metrics.falseAlarmsPer100Days()).isEqualTo(200.0 / 44);
        assertThat(metrics.probabilityOfDetection(3)).isEqualTo(0.5);
    }

    @Test
    void rethresholdingToAFalseAlarmRateKeepsAtMostThatManyFalseAlarms() {
        double[] statistics = new double[50];
        for (int i = 0; i < 50; i++) {
            statistics[i] = i * 0.01; // quiet days rise slowly
        }
        statistics[30 - 10] = 5;
        List<OutbreakInjector.Outbreak> outbreaks = List.of(new OutbreakInjector.Outbreak(30, 1, 30, 10));
        InjectionMetrics metrics = InjectionMetrics.measure(decisions(statistics), 10, outbreaks, 10, 59, 7);
        InjectionMetrics strict = metrics.atFalseAlarmRate(5.0); // 5% of 49 quiet days → 2 alarms
        assertThat(strict.falseAlarms()).isEqualTo(2);
        assertThat(strict.detected()).isEqualTo(1);
        assertThat(metrics.atFalseAlarmRate(0).falseAlarms()).isZero();
    }
}
