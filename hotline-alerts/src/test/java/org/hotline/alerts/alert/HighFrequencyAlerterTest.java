package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighFrequencyAlerterTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 20);
    private static final Evidence EVIDENCE = new Evidence(List.of("暖气"), List.of("r1", "r2"), "");

    private static HighFrequencyAlerter alerter(String rulesJson) throws Exception {
        return new HighFrequencyAlerter(AlertRules.parse(rulesJson));
    }

    @Test
    void theCountThresholdFiresAtItsValueWhateverTheDistrictTotal() throws Exception {
        HighFrequencyAlerter alerter = alerter("{\"nodes\": {\"城乡建设/供热\": {\"minDailyCount\": 30}}}");
        assertThat(alerter.alert("城乡建设/供热/暖气不热", "东城区", DAY, 29, 1000, EVIDENCE)).isEmpty();
        Alert alert = alerter.alert("城乡建设/供热/暖气不热", "东城区", DAY, 30, 1000, EVIDENCE).orElseThrow();
        assertThat(alert.kind()).isEqualTo(AlertKind.HIGH_FREQUENCY);
        assertThat(alert.districts()).containsExactly("东城区");
        assertThat(alert.windowStart()).isEqualTo(DAY);
        assertThat(alert.observed()).isEqualTo(30);
        assertThat(alert.expected()).as("the threshold that day").isEqualTo(30);
        assertThat(alert.evidence().exampleRecordIds()).containsExactly("r1", "r2");
        assertThat(alert.evidence().note()).contains("3.0% of the district's 1000").contains("30 demands");
    }

    @Test
    void theShareThresholdScalesWithTheDistrictsDay() throws Exception {
        HighFrequencyAlerter alerter = alerter("{\"nodes\": {\"城乡建设/供热\": {\"maxDailyShare\": 0.2}}}");
        // 20% of 50 is 10: 9 is below, 10 reaches it.
        assertThat(alerter.alert("城乡建设/供热", "东城区", DAY, 9, 50, EVIDENCE)).isEmpty();
        Alert alert = alerter.alert("城乡建设/供热", "东城区", DAY, 10, 50, EVIDENCE).orElseThrow();
        assertThat(alert.expected()).isEqualTo(10);
        assertThat(alert.evidence().note()).contains("20.0% of the district's 50").contains("20.0% of the district");
        // The same 10 demands on a busy day are no longer a fifth of it.
        assertThat(alerter.alert("城乡建设/供热", "东城区", DAY, 10, 200, EVIDENCE)).isEmpty();
    }

    @Test
    void aShareOfAQuietDayNeedsTheMinimumCount() throws Exception {
        HighFrequencyAlerter byDefault = alerter("{\"defaultNode\": {\"maxDailyShare\": 0.3}}");
        assertThat(byDefault.alert("环境保护", "西城区", DAY, 4, 6, EVIDENCE)).as("4 of 6, below the default 5")
                .isEmpty();
        assertThat(byDefault.alert("环境保护", "西城区", DAY, 5, 8, EVIDENCE)).isPresent();

        HighFrequencyAlerter strict = alerter("{\"defaultNode\": {\"maxDailyShare\": 0.3, \"shareMinCount\": 10}}");
        assertThat(strict.alert("环境保护", "西城区", DAY, 9, 12, EVIDENCE)).isEmpty();
        assertThat(strict.alert("环境保护", "西城区", DAY, 10, 12, EVIDENCE)).isPresent();
    }

    @Test
    void eitherThresholdSufficesAndTheLowerOneThatDayIsReported() throws Exception {
        HighFrequencyAlerter alerter = alerter(
                "{\"nodes\": {\"城乡建设/供热\": {\"minDailyCount\": 40, \"maxDailyShare\": 0.1}}}");
        assertThat(alerter.alert("城乡建设/供热", "东城区", DAY, 12, 100, EVIDENCE)).map(Alert::expected).contains(10.0);
        assertThat(alerter.alert("城乡建设/供热", "东城区", DAY, 40, 1000, EVIDENCE)).map(Alert::expected).contains(40.0);
        assertThat(alerter.alert("城乡建设/供热", "东城区", DAY, 39, 1000, EVIDENCE)).isEmpty();
    }

    @Test
    void onlyNodesUnderARuleAreWatched() throws Exception {
        HighFrequencyAlerter alerter = alerter("{\"nodes\": {\"城乡建设/供热\": {\"maxDailyShare\": 0.1}}}");
        assertThat(alerter.watches("城乡建设/供热/暖气不热")).isTrue();
        assertThat(alerter.watches("城乡建设")).isFalse();
        assertThat(alerter.watches("环境保护/噪音")).isFalse();
        assertThat(new HighFrequencyAlerter(AlertRules.defaults()).watches("城乡建设")).isFalse();
        assertThat(alerter.alert("环境保护/噪音", "东城区", DAY, 500, 500, EVIDENCE)).isEmpty();
    }

    @Test
    void aRuleWithANonPositiveThresholdIsRefused() {
        assertThatThrownBy(() -> AlertRules.parse("{\"defaultNode\": {\"maxDailyShare\": 0}}"))
                .hasMessageContaining("maxDailyShare > 0");
        assertThatThrownBy(() -> AlertRules.parse("{\"nodes\": {\"a\": {\"minDailyCount\": -1}}}"))
                .hasMessageContaining("minDailyCount > 0");
    }
}
