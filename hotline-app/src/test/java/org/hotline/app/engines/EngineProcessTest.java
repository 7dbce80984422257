package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProcessTest {

    @Test
    void anotherJvmFindsAndStopsTheProcessAndItsChildrenThroughThePidFile(@TempDir Path dir) throws Exception {
        // A wrapper with a child, like runuser → elasticsearch CLI → server.
        Process wrapper = new ProcessBuilder("bash", "-c", "sleep 300 & wait").start();
        EngineProcess started = EngineProcess.of(wrapper, 1234);
        awaitChild(wrapper);
        List<ProcessHandle> children = wrapper.toHandle().descendants().toList();
        Path pidFile = dir.resolve("engine.pid");
        started.writePidFile(pidFile);

        EngineProcess found = EngineProcess.fromPidFile(pidFile).orElseThrow();
        assertThat(found.pid()).isEqualTo(wrapper.pid());
        assertThat(found.port()).isEqualTo(1234);

        found.stop(Duration.ofSeconds(5));

        assertThat(wrapper.isAlive()).isFalse();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(EngineProcess.fromPidFile(pidFile)).isEmpty();
    }

    @Test
    void killsAProcessThatIgnoresTheStopRequest() throws Exception {
        Process stubborn = new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 300 & wait; wait").start();
        awaitChild(stubborn);

        EngineProcess.of(stubborn, 1).stop(Duration.ofMillis(500));

        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void aMissingPidFileMeansNotRunning(@TempDir Path dir) {
        assertThat(EngineProcess.fromPidFile(dir.resolve("none.pid"))).isEmpty();
    }

    @Test
    void aPidFileOfAnEndedProcessMeansNotRunning(@TempDir Path dir) throws Exception {
        Process done = new ProcessBuilder("true").start();
        EngineProcess engine = EngineProcess.of(done, 1);
        Path pidFile = dir.resolve("engine.pid");
        engine.writePidFile(pidFile);
        done.waitFor();

        assertThat(Files.exists(pidFile)).isTrue();
        assertThat(EngineProcess.fromPidFile(pidFile)).isEmpty();
    }

    private static void awaitChild(Process process) throws InterruptedException {
        for (int i = 0; i < 100 && process.toHandle().children().findAny().isEmpty(); i++) {
            Thread.sleep(50);
        }
    }
}
