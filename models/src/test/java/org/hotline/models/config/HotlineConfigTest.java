package org.hotline.models.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlineConfigTest {

    @Test
    void fileThenEnvironmentThenOverridesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotline.properties");
        Files.writeString(file, "kafka.bootstrap=file:9092\nes.index=from-file\nclassify.topK=7\n",
                StandardCharsets.UTF_8);

        HotlineConfig config = HotlineConfig.load(file,
                Map.of("HOTLINE_KAFKA_BOOTSTRAP", "env:9092", "HOTLINE_ES_API_KEY", "secret", "PATH", "/bin"),
                Map.of("classify.topK", "9"));

        assertThat(config.get("kafka.bootstrap")).isEqualTo("env:9092");
        assertThat(config.get("es.index")).isEqualTo("from-file");
        assertThat(config.getInt("classify.topK")).isEqualTo(9);
        assertThat(config.get("es.urls")).isEqualTo("http://127.0.0.1:9200");
        assertThat(config.toString()).doesNotContain("secret").contains("es.apiKey=***");
    }

    @Test
    void nonDefaultsAreWhatDiffers() {
        HotlineConfig config = HotlineConfig.defaults().with(Map.of("es.index", "other", "kafka.group", "hotline-classify"));
        assertThat(config.nonDefaults()).containsExactly(Map.entry("es.index", "other"));
    }

    @Test
    void environmentNamesSplitCamelCase() {
        assertThat(HotlineConfig.envName("kafka.topic.intake")).isEqualTo("HOTLINE_KAFKA_TOPIC_INTAKE");
        assertThat(HotlineConfig.envName("es.apiKey")).isEqualTo("HOTLINE_ES_API_KEY");
        assertThat(HotlineConfig.envName("flink.checkpointMillis")).isEqualTo("HOTLINE_FLINK_CHECKPOINT_MILLIS");
    }

    @Test
    void typosAndBadValuesAreNamed() {
        assertThatThrownBy(() -> HotlineConfig.defaults().with("kafka.bootstap", "x"))
                .hasMessageContaining("unknown configuration key 'kafka.bootstap'");
        assertThatThrownBy(() -> HotlineConfig.defaults().with("classify.topK", "many").getInt("classify.topK"))
                .hasMessageContaining("classify.topK must be a whole number");
        assertThat(HotlineConfig.defaults().getDuration("classify.replayTtl")).isEqualTo(Duration.ofDays(30));
        assertThat(HotlineConfig.defaults().with("mail.startTls", "FALSE").getBoolean("mail.startTls")).isFalse();
        assertThatThrownBy(() -> HotlineConfig.defaults().with("mail.startTls", "yes").getBoolean("mail.startTls"))
                .hasMessageContaining("mail.startTls must be true or false, not 'yes'");
    }

    @Test
    void docsListEveryKey() throws Exception {
        String doc = Files.readString(Path.of("../docs/configuration.md"), StandardCharsets.UTF_8);
        for (String key : HotlineConfig.KEYS.keySet()) {
            assertThat(doc).contains("| `" + key + "` | `" + HotlineConfig.envName(key) + "` | `"
                    + HotlineConfig.KEYS.get(key)[0] + "` |");
        }
    }
}
