package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class FanOutToSeriesTest {
    private final LocalDate day = LocalDate.parse("2026-03-01");

    private List<SeriesEvent> fanOut(String district, List<String> path) {
        List<SeriesEvent> out = new ArrayList<>();
        new FanOutToSeries().flatMap(TestRecords.tagged("r-1", day, LocalTime.NOON, district, "暖气 不热", path),
                new ListCollector<>(out));
        return out;
    }

    @Test
    void aRecordCountsAtEveryLevelOfItsBestPathInItsDistrict() {
        List<SeriesEvent> events = fanOut("东城区", List.of("城乡建设", "供热", "暖气不热"));

        assertThat(events).extracting(SeriesEvent::nodePath)
                .containsExactly("城乡建设", "城乡建设/供热", "城乡建设/供热/暖气不热");
        assertThat(events).extracting(SeriesEvent::level).containsExactly(1, 2, 3);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.district()).isEqualTo("东城区");
            assertThat(e.recordId()).isEqualTo("r-1");
            assertThat(e.tokens()).isEqualTo("暖气 不热");
            assertThat(SeriesEvent.split(e.seriesKey())).containsExactly(e.nodePath(), "东城区");
        });
    }

    @Test
    void aRecordWithoutDistrictCountsInTheUnknownDistrictAndOneWithoutSuggestionNowhere() {
        assertThat(fanOut(null, List.of("城乡建设"))).extracting(SeriesEvent::district)
                .containsExactly(FanOutToSeries.UNKNOWN_DISTRICT);
        assertThat(fanOut("东城区", List.of())).isEmpty();
    }
}
