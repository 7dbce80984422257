package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.models.config.HotlineConfig;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void warnsOnlyWhenOpenToTheNetworkWithoutUsers() throws Exception {
        assertThat(ServeCommand.openNetworkWarning(config("0.0.0.0", "")))
                .hasValue("hotline serve: warning: the console is open to the network on 0.0.0.0 without web.users; "
                        + "anyone who can reach it may use it (docs/web.md#access-control)");
        assertThat(ServeCommand.openNetworkWarning(config("127.0.0.1", ""))).isEmpty();
        assertThat(ServeCommand.openNetworkWarning(config("localhost", ""))).isEmpty();
        assertThat(ServeCommand.openNetworkWarning(config("::1", ""))).isEmpty();
        assertThat(ServeCommand.openNetworkWarning(config("0.0.0.0", "/etc/hotline/users"))).isEmpty();
    }

    private static HotlineConfig config(String host, String users) {
        return HotlineConfig.defaults().with(Map.of("web.host", host, "web.users", users));
    }
}
