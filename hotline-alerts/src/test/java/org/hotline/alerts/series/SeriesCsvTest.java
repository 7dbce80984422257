package org.hotline.alerts.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeriesCsvTest {

    @Test
    void readsColumnsAndFillsMissingDaysWithZero() throws Exception {
        String csv = "date,calls,other\n2024-01-01,5,1\n2024-01-02,7,1\n2024-01-04,2,1\n";
        SeriesCsv.Loaded loaded = SeriesCsv.read(new StringReader(csv), "k", "date", "calls");
        assertThat(loaded.series().start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(loaded.series().counts()).containsExactly(5, 7, 0, 2);
        assertThat(loaded.filledDays()).isEqualTo(1);
    }

    @Test
    void rejectsUnknownColumnDuplicateDatesAndNegativeCounts() {
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader("date,calls\n2024-01-01,5\n"), "k", "date", "x"))
                .isInstanceOf(SeriesCsv.SeriesFormatException.class).hasMessageContaining("column 'x' not found");
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader("date,c\n2024-01-01,5\n2024-01-01,6\n"), "k", "date", "c"))
                .hasMessageContaining("duplicate date");
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader("date,c\n2024-01-01,-5\n"), "k", "date", "c"))
                .hasMessageContaining("not a non-negative number");
    }

    @Test
    void seriesAppendAndTailKeepDates() {
        DailySeries series = DailySeries.of("k", LocalDate.of(2024, 1, 1), 1, 2, 3);
        DailySeries tail = series.append(4).tail(2);
        assertThat(tail.start()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(tail.counts()).containsExactly(3, 4);
        assertThat(tail.indexOf(LocalDate.of(2024, 1, 4))).isEqualTo(1);
    }
}
