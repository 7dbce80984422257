package org.hotline.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class FarringtonFlexibleTest {

    private final FarringtonFlexible farrington = FarringtonFlexible.standard();
    private final DailySeries seasonal = Synthetic.yearly(LocalDate.of(2020, 1, 1), 4 * 365, 30, 0.5, 200, 7);

    @Test
    void expectsTheSeasonalLevelOfTheSameTimeOfYear() {
        int summerDay = 3 * 365 + 200;
        int winterDay = 3 * 365 + 20;
        assertThat(farrington.score(seasonal, summerDay).expected()).isCloseTo(45, within(6.0));
        assertThat(farrington.score(seasonal, winterDay).expected()).isCloseTo(15, within(5.0));
    }

    @Test
    void alarmsOnATripledCountButNotOnAnOrdinaryOne() {
        int day = 3 * 365 + 200;
        DailySeries spiked = Synthetic.withCount(seasonal, day, 135);
        assertThat(farrington.score(spiked, day).alarm()).isTrue();
        DailySeries ordinary = Synthetic.withCount(seasonal, day, 45);
        assertThat(farrington.score(ordinary, day).alarm()).isFalse();
    }

    @Test
    void periodLevelZeroIsTheWindowAroundTheSameDayOfPastYears() {
        int day = 1000;
        assertThat(farrington.periodLevel(day, day - 365)).isZero();
        assertThat(farrington.periodLevel(day, day - 365 - 21)).isZero();
        assertThat(farrington.periodLevel(day, day - 365 - 22)).as("just before the window").isEqualTo(1);
        assertThat(farrington.periodLevel(day, day - 365 + 22)).as("just after the window").isEqualTo(9);
        assertThat(farrington.periodLevel(day, day - 182)).isBetween(4, 5);
    }

    @Test
    void usesOnlyDataUpToTheScoredDay() {
        int day = 3 * 365 + 100;
        Decision before = farrington.score(seasonal, day);
        DailySeries changedFuture = Synthetic.withCount(seasonal, day + 1, 10_000);
        assertThat(farrington.score(changedFuture, day)).isEqualTo(before);
    }
}
