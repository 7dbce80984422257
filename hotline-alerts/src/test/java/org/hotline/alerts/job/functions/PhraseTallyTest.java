package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseTallyTest {

    @Test
    void keepsTheSameExamplesWhateverOrderTheRecordsArriveIn() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(String.format("r-%02d", i));
        }
        for (long seed = 0; seed < 10; seed++) {
            Collections.shuffle(ids, new Random(seed));
            PhraseTally tally = PhraseTally.EMPTY;
            for (String id : ids) {
                tally = tally.plus(id, id.endsWith("1") ? "西城区" : "东城区");
            }
            assertThat(tally.count()).isEqualTo(20);
            assertThat(tally.exampleRecordIds()).containsExactly("r-00", "r-01", "r-02");
            assertThat(tally.districts()).containsExactly("东城区", "西城区");
        }
    }
}
