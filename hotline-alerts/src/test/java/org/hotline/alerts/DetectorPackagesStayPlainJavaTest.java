package org.hotline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detectors are a library a backtest, a benchmark and the stream job share: only the job and elasticsearch
 * packages may touch Flink, Kafka or Elasticsearch.
 */
class DetectorPackagesStayPlainJavaTest {
    private static final Path SOURCES = Path.of("src/main/java/org/hotline/alerts");
    private static final List<String> DETECTOR_PACKAGES = List.of("alert", "backtest", "bench", "calendar", "cluster",
            "detect", "emerging", "forecast", "periodic", "scan", "series");
    private static final Pattern ENGINE_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.apache\\.flink|org\\.apache\\.kafka|co\\.elastic|org\\.elasticsearch"
                    + "|org\\.hotline\\.classify)\\.", Pattern.MULTILINE);

    @Test
    void detectorPackagesImportNoFlinkKafkaOrElasticsearch() throws IOException {
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (String pkg : DETECTOR_PACKAGES) {
            Path dir = SOURCES.resolve(pkg);
            assertThat(dir).as("detector package %s", pkg).isDirectory();
            try (Stream<Path> sources = Files.walk(dir)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    var matcher = ENGINE_IMPORT.matcher(Files.readString(source, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        offenders.add(SOURCES.relativize(source) + ": " + matcher.group().strip());
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(30);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldCatchAnEngineImport() {
        assertThat(ENGINE_IMPORT.matcher("package x;\nimport org.apache.flink.util.Collector;\n").find()).isTrue();
        assertThat(ENGINE_IMPORT.matcher("import co.elastic.clients.elasticsearch.ElasticsearchClient;").find())
                .isTrue();
        assertThat(ENGINE_IMPORT.matcher("import java.util.List; // org.apache.flink").find()).isFalse();
    }
}
