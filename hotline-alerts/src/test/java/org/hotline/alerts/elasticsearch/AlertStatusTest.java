package org.hotline.alerts.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.alerts.elasticsearch.AlertStatus.Transition;
import org.junit.jupiter.api.Test;

class AlertStatusTest {

    @Test
    void openThenAcknowledgedThenResolvedAndReopen() {
        assertThat(Transition.ACKNOWLEDGE.allowedFrom(AlertStatus.OPEN)).isTrue();
        assertThat(Transition.RESOLVE.allowedFrom(AlertStatus.ACKNOWLEDGED)).isTrue();
        assertThat(Transition.RESOLVE.allowedFrom(AlertStatus.OPEN)).isTrue();
        assertThat(Transition.REOPEN.allowedFrom(AlertStatus.RESOLVED)).isTrue();
        assertThat(Transition.REOPEN.allowedFrom(AlertStatus.ACKNOWLEDGED)).isTrue();
    }

    @Test
    void invalidTransitionsAreRefused() {
        assertThat(Transition.ACKNOWLEDGE.allowedFrom(AlertStatus.ACKNOWLEDGED)).isFalse();
        assertThat(Transition.ACKNOWLEDGE.allowedFrom(AlertStatus.RESOLVED)).isFalse();
        assertThat(Transition.RESOLVE.allowedFrom(AlertStatus.RESOLVED)).isFalse();
        assertThat(Transition.REOPEN.allowedFrom(AlertStatus.OPEN)).isFalse();
    }

    @Test
    void wireNames() {
        assertThat(AlertStatus.parse(" Acknowledged")).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(AlertStatus.RESOLVED.wireName()).isEqualTo("resolved");
        assertThatThrownBy(() -> AlertStatus.parse("closed")).hasMessageContaining("open, acknowledged, resolved");
    }
}
