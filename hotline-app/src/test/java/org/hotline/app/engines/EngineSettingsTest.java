package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSettingsTest {

    @Test
    void kafkaIsOneLoopbackNodeWithBrokerAndController() {
        String properties = EmbeddedKafka.serverProperties(19092, 19093, Path.of("/w/kafka/data"));

        assertThat(properties.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:19092",
                "log.dirs=/w/kafka/data",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1");
    }

    @Test
    void elasticsearchIsOneLoopbackNodeWithoutSecurity() {
        String settings = EmbeddedElasticsearch.settings(19200, 19300, Path.of("/w/es/data"), Path.of("/w/es/logs"));

        assertThat(settings.lines()).contains(
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: 19200",
                "transport.port: 19300",
                "path.data: /w/es/data",
                "path.logs: /w/es/logs",
                "xpack.security.enabled: false");
    }

    @Test
    void aMissingDistributionSaysWhichBuildStepUnpacksIt(@TempDir Path workDir) {
        assertThatThrownBy(() -> EmbeddedElasticsearch.builder().workDir(workDir)
                        .home(workDir.resolve("no-such-elasticsearch")).start())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("mvn -pl hotline-app package")
                .matches(e -> ((EngineException) e).isUserError());
    }
}
