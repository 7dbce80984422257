package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratorTest {
    @Test
    void overconfidentScoresGetATemperatureAboveOne() {
        // The model says 99.9% but is right 70% of the time.
        Random random = new Random(5);
        List<double[]> logs = new ArrayList<>();
        int[] labels = new int[500];
        for (int i = 0; i < labels.length; i++) {
            int predicted = random.nextInt(3);
            labels[i] = random.nextDouble() < 0.7 ? predicted : (predicted + 1 + random.nextInt(2)) % 3;
            double[] p = {0.0005, 0.0005, 0.0005};
            p[predicted] = 0.999;
            logs.add(HotlineClassifier.logProbabilities(p));
        }
        HotlineClassifier.Calibration calibration = Calibrator.fit(logs, null, labels);
        assertThat(calibration.temperature()).isGreaterThan(1.5);
        assertThat(calibration.linearWeight()).isZero();
        assertThat(Calibrator.logLoss(logs, null, labels, 0, calibration.temperature()))
                .isLessThan(Calibrator.logLoss(logs, null, labels, 0, 1.0));
    }
}
