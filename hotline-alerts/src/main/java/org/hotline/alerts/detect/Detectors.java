package org.hotline.alerts.detect;

import java.util.List;
import org.hotline.alerts.calendar.HolidayCalendar;

/** The detectors selectable by name on the command line. */
public final class Detectors {

    public static final List<String> NAMES = List.of("ears-c1", "ears-c2", "ears-c3", "farrington", "default");

    private Detectors() {
    }

    public static Detector named(String name, HolidayCalendar calendar) {
        return switch (name) {
            case "ears-c1" -> EarsDetector.c1();
            case "ears-c2" -> EarsDetector.c2();
            case "ears-c3" -> EarsDetector.c3();
            case "farrington" -> FarringtonFlexible.standard();
            case "default" -> new RegressionScanDetector(calendar, RegressionScanDetector.DEFAULT_THRESHOLD);
            default -> throw new IllegalArgumentException("unknown detector '" + name + "'; one of " + NAMES
                    + " or all");
        };
    }
}
