package org.hotline.alerts.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KleinbergBurstTest {

    @Test
    void findsTheBurstAtTheEnd() {
        int[] d = new int[30];
        int[] r = new int[30];
        Arrays.fill(d, 100);
        Arrays.fill(r, 2);
        for (int t = 25; t < 30; t++) {
            r[t] = 20;
        }
        KleinbergBurst.Bursts bursts = KleinbergBurst.standard().detect(r, d);
        assertThat(bursts.currentBurstStart()).isEqualTo(25);
        assertThat(bursts.currentWeight()).isPositive();
        assertThat(bursts.inBurst()[10]).isFalse();
    }

    @Test
    void aSteadyRateHasNoBurst() {
        int[] d = new int[30];
        int[] r = new int[30];
        Arrays.fill(d, 100);
        Arrays.fill(r, 5);
        KleinbergBurst.Bursts bursts = KleinbergBurst.standard().detect(r, d);
        assertThat(bursts.currentBurstStart()).isEqualTo(-1);
        for (boolean b : bursts.inBurst()) {
            assertThat(b).isFalse();
        }
    }
}
