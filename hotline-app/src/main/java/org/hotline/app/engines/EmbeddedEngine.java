package org.hotline.app.engines;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a one-process engine we start has in common: its process (stopped by PID), its directory, and the hook
 * that stops it with this JVM unless the caller asked it to outlive us.
 */
public abstract class EmbeddedEngine implements AutoCloseable {
    private final EngineProcess process;
    private final Path dir;
    private final Thread shutdownHook;

    EmbeddedEngine(EngineProcess process, Path dir, Thread shutdownHook) {
        this.process = process;
        this.dir = dir;
        this.shutdownHook = shutdownHook;
    }

    public int port() {
        return process.port();
    }

    public long pid() {
        return process.pid();
    }

    /** Where its configuration, data and logs are. */
    public Path directory() {
        return dir;
    }

    /** Stops the process (a clean shutdown takes a few seconds); kills it when it does not stop within 30 s. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
        removeShutdownHook(shutdownHook);
    }

    /** A registered hook running {@code stop} when this JVM exits, or null when the engine is to outlive it. */
    static Thread stopOnJvmExit(boolean wanted, String name, Runnable stop) {
        if (!wanted) {
            return null;
        }
        Thread hook = new Thread(stop, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void removeShutdownHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is what called us.
        }
    }
}
