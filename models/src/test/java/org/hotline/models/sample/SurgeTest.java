package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;

class SurgeTest {
    private static final List<String> NOISE = List.of("环境保护", "环境污染", "噪音污染");
    private static final List<String> GAS = List.of("城乡建设", "城市建设和市政管理", "燃气供应");

    private static SyntheticDemands with(Surge... surges) {
        return new SyntheticDemands(Taxonomy.loadDefault(), Gazetteer.defaultCity(),
                SyntheticDemands.Settings.defaults().withSurges(List.of(surges)), 21);
    }

    @Test
    void parsesTheCommandLineForm() {
        Surge surge = Surge.parse("城乡建设/城市建设和市政管理/燃气供应@江滨区/解放街道:2026-02-10:5:0.04");

        assertThat(surge).isEqualTo(new Surge(GAS, "江滨区", "解放街道", LocalDate.of(2026, 2, 10), 5, 0.04));
        assertThat(Surge.parse("环境保护/环境污染/噪音污染:2026-02-10:1:1").district()).isNull();
        assertThat(Surge.parse("商贸旅游/市场监管/其他:2026-03-16:5:0.1:以旧换新").phrase()).isEqualTo("以旧换新");
    }

    @Test
    void aBadSpecShowsTheExpectedForm() {
        assertThatThrownBy(() -> Surge.parse("燃气供应:2026-02-10:5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 4 or 5 parts").hasMessageContaining("form: LEAF[@DISTRICT[/STREET]]");
        assertThatThrownBy(() -> Surge.parse("a/b/c:2026-02-30:5:0.1")).hasMessageContaining("is not a date");
        assertThatThrownBy(() -> Surge.parse("a/b/c:2026-02-10:five:0.1")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Surge.parse("a/b/c:2026-02-10:5:1.5")).hasMessageContaining("share must be in (0, 1]");
        assertThatThrownBy(() -> Surge.parse("a/b/c:2026-02-10:0:0.5")).hasMessageContaining("at least 1 day");
    }

    @Test
    void aSurgeMustNameALeafAndPlacesOfTheCity() {
        assertThatThrownBy(() -> with(new Surge(List.of("环境保护", "环境污染"), null, null, LocalDate.of(2026, 2, 1), 3, 0.1)))
                .hasMessageContaining("is not a leaf");
        assertThatThrownBy(() -> with(new Surge(List.of("环境保护", "噪音"), null, null, LocalDate.of(2026, 2, 1), 3, 0.1)))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("'噪音' is not a node");
        assertThatThrownBy(() -> with(new Surge(NOISE, "海淀区", null, LocalDate.of(2026, 2, 1), 3, 0.1)))
                .hasMessageContaining("海淀区 is not a district of 澜江市");
        assertThatThrownBy(() -> with(new Surge(NOISE, "江滨区", "枫林街道", LocalDate.of(2026, 2, 1), 3, 0.1)))
                .hasMessageContaining("枫林街道 is not a street of 江滨区");
    }

    @Test
    void aSurgeRaisesItsLeafInItsPlaceAndDaysAndLeavesTheOtherRecordsAlone() {
        int n = 9100; // about 100 demands a day over the default 91 days
        List<HotlineRecord> baseline = SyntheticDemands.withDefaults(21).generate(n);
        Surge surge = new Surge(GAS, "东岭区", "枫林街道", LocalDate.of(2026, 2, 10), 4, 0.2);
        List<HotlineRecord> surged = with(surge).generate(n);

        int changed = 0;
        int gasInWindow = 0;
        for (int i = 0; i < n; i++) {
            HotlineRecord before = baseline.get(i);
            HotlineRecord after = surged.get(i);
            assertThat(after.receivedAt()).isEqualTo(before.receivedAt());
            if (!after.equals(before)) {
                changed++;
                assertThat(after.labels()).isEqualTo(GAS);
                assertThat(surge.covers(after.receivedAt())).isTrue();
                assertThat(after.district()).isIn("东岭区", null);
                assertThat(after.street()).isIn("枫林街道", null);
            }
            if (surge.covers(after.receivedAt()) && after.labels().equals(GAS)) {
                gasInWindow++;
            }
        }
        long inWindow = surged.stream().filter(r -> surge.covers(r.receivedAt())).count();
        assertThat(changed).isBetween((int) (0.12 * inWindow), (int) (0.28 * inWindow));
        long gasBefore = baseline.stream().filter(r -> surge.covers(r.receivedAt()) && r.labels().equals(GAS)).count();
        assertThat(gasInWindow).isGreaterThan((int) (10 * Math.max(1, gasBefore)));
    }

    @Test
    void aSurgeWithAPhraseWritesItsDemandsAboutThatNewProblem() {
        int n = 9100;
        Surge surge = Surge.parse("商贸旅游/市场监管/其他:2026-03-16:5:0.1:以旧换新");
        List<HotlineRecord> surged = with(surge).generate(n);

        List<HotlineRecord> naming = surged.stream().filter(r -> r.text().contains("以旧换新")).toList();
        long inWindow = surged.stream().filter(r -> surge.covers(r.receivedAt())).count();
        assertThat(naming).hasSizeBetween((int) (0.06 * inWindow), (int) (0.14 * inWindow))
                .allSatisfy(r -> {
                    assertThat(surge.covers(r.receivedAt())).isTrue();
                    assertThat(r.labels()).containsExactly("商贸旅游", "市场监管", "其他");
                });
    }
}
