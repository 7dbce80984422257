package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnginesExtension.class)
class EmbeddedElasticsearchITCase {
    private Path workDir;

    @BeforeEach
    void workDirOtherUsersCanReach() throws IOException {
        // Started by root, the node runs as hotline-es, which cannot enter target/ of a clone under /root.
        workDir = Files.createTempDirectory(Path.of("/tmp"), "hotline-es-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        Dirs.deleteTree(workDir);
    }

    @Test
    void answersOnItsPortAndStopsWithEveryChildProcessOnClose() throws Exception {
        EmbeddedElasticsearch es = EmbeddedElasticsearch.builder().workDir(workDir).port(Ports.findFree()).start();
        List<ProcessHandle> processes = ProcessHandle.of(es.pid()).orElseThrow().descendants().toList();

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(es.httpUrl() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"hotline\"", "\"number_of_nodes\":1");
        assertThat(EngineProcess.fromPidFile(ServicesCommand.esPidFile(workDir))).isPresent();

        es.close();

        assertThat(Ports.isListening(es.port())).isFalse();
        assertThat(ProcessHandle.of(es.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void refusesAPortThatIsTaken(EmbeddedElasticsearch running) {
        assertThatThrownBy(() -> EmbeddedElasticsearch.builder().workDir(workDir).port(running.port()).start())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("port " + running.port())
                .hasMessageContaining("--es-port")
                .matches(e -> ((EngineException) e).isUserError());
    }

    @Test
    void reportsTheEndOfTheLogWhenTheNodeDiesDuringStartup() {
        // An unknown JVM option makes the server JVM exit at once; the error must show why.
        assertThatThrownBy(() -> EmbeddedElasticsearch.builder().workDir(workDir).port(Ports.findFree())
                        .javaOptions("-Xms512m -Xmx1g -XX:+NoSuchHotlineOption").start())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Elasticsearch exited during startup")
                .hasMessageContaining("NoSuchHotlineOption");
    }
}
