package org.hotline.app.engines;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started engine process, known by PID. Its PID file lets another JVM ({@code hotline services stop}) find and
 * stop it; the start instant guards against a recycled PID.
 */
public final class EngineProcess {
    private final ProcessHandle handle;
    private final int port;

    private EngineProcess(ProcessHandle handle, int port) {
        this.handle = handle;
        this.port = port;
    }

    static EngineProcess of(Process process, int port) {
        return new EngineProcess(process.toHandle(), port);
    }

    public long pid() {
        return handle.pid();
    }

    /** The port the engine serves clients on. */
    public int port() {
        return port;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * Asks the process and its children (the Elasticsearch CLI starts the server as a child) to stop, and kills
     * whatever still runs after {@code grace}.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        if (!awaitExit(handle, grace)) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        }
        // Normally the children ended with their parent; any left (the parent was killed, or did not pass the
        // request on) get the same treatment.
        for (ProcessHandle child : children) {
            child.destroy();
        }
        for (ProcessHandle child : children) {
            if (!awaitExit(child, grace)) {
                child.destroyForcibly();
                awaitExit(child, Duration.ofSeconds(10));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    void writePidFile(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(handle.pid()));
        properties.setProperty("port", Integer.toString(port));
        handle.info().startInstant()
                .ifPresent(start -> properties.setProperty("started", Long.toString(start.toEpochMilli())));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by hotline; read by `hotline services stop|status`");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The live process a PID file names, or empty when the file is missing or its process has ended (a PID now
     * used by a process started at another instant counts as ended).
     */
    public static Optional<EngineProcess> fromPidFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long pid = Long.parseLong(properties.getProperty("pid"));
        int port = Integer.parseInt(properties.getProperty("port"));
        String started = properties.getProperty("started");
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> started == null || sameStart(handle, Long.parseLong(started)))
                .map(handle -> new EngineProcess(handle, port));
    }

    private static boolean sameStart(ProcessHandle handle, long startedMillis) {
        // /proc start times are rounded to clock ticks: allow a little slack.
        return handle.info().startInstant()
                .map(start -> Math.abs(Duration.between(start, Instant.ofEpochMilli(startedMillis)).toMillis()) < 1000)
                .orElse(true);
    }
}
