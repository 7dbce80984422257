package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLevelsTest {

    @Test
    void everyLevelGetsItsPath() {
        assertThat(NodeLevels.pathsOf(List.of("城乡建设", "供热", "暖气不热")))
                .containsExactly("城乡建设", "城乡建设/供热", "城乡建设/供热/暖气不热");
        assertThatThrownBy(() -> NodeLevels.pathsOf(List.of("a/b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
