package org.hotline.app.engines;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch (security off, loopback only) started from the distribution the build unpacks into
 * {@code hotline-app/target/engines}. Config, data and logs live under {@code <workDir>/elasticsearch}; its console
 * goes to {@code elasticsearch.out} there. Started as root, it runs as the system user {@code hotline-es}.
 */
public final class EmbeddedElasticsearch extends EmbeddedEngine {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    public static final int DEFAULT_PORT = 9200;
    static final String DIR_NAME = "elasticsearch";
    static final String PID_FILE = "elasticsearch.pid";
    private static final String CLUSTER_NAME = "hotline";

    private EmbeddedElasticsearch(EngineProcess process, Path dir, Thread shutdownHook) {
        super(process, dir, shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** e.g. {@code http://127.0.0.1:9200} */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The distribution the {@code hotline.elasticsearch.home} system property names, else the one under
     * {@code target/engines} of the working directory or {@code hotline-app/target/engines} of the project root
     * (system property {@code hotline.home}, set by {@code ./hotline}; default the working directory).
     */
    public static Optional<Path> findHome() {
        String configured = System.getProperty("hotline.elasticsearch.home");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        Path root = Path.of(System.getProperty("hotline.home", "."));
        for (Path engines : List.of(Path.of("target", "engines"), root.resolve("hotline-app/target/engines"))) {
            if (!Files.isDirectory(engines)) {
                continue;
            }
            try (Stream<Path> candidates = Files.list(engines)) {
                Optional<Path> home = candidates
                        .filter(p -> p.getFileName().toString().startsWith("elasticsearch-"))
                        .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("elasticsearch")))
                        .sorted()
                        .findFirst();
                if (home.isPresent()) {
                    return Optional.of(home.get().toAbsolutePath());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** Settings of a one-node, loopback-only, security-off development node. */
    static String settings(int httpPort, int transportPort, Path data, Path logs) {
        return String.join("\n",
                "cluster.name: " + CLUSTER_NAME,
                "node.name: hotline-es",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + data,
                "path.logs: " + logs,
                "xpack.security.enabled: false",
                // A nearly full disk must not turn a demo index read-only.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "");
    }

    public static final class Builder {
        private Path workDir;
        private Path home;
        private int port = DEFAULT_PORT;
        private Duration startupTimeout = Duration.ofMinutes(3);
        private String javaOptions = "-Xms512m -Xmx1g";
        private String unprivilegedUser = UnprivilegedUser.DEFAULT_NAME;
        private boolean stopOnJvmExit = true;

        private Builder() {}

        /** Required: {@code <workDir>/elasticsearch} holds config, data, logs and the PID file. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** The unpacked distribution; default {@link #findHome()}. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** HTTP port on 127.0.0.1; default 9200. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** JVM options of the node (ES_JAVA_OPTS); default {@code -Xms512m -Xmx1g}. */
        public Builder javaOptions(String javaOptions) {
            this.javaOptions = javaOptions;
            return this;
        }

        /** The system user the node runs as when we are root; default {@code hotline-es}. */
        public Builder unprivilegedUser(String name) {
            this.unprivilegedUser = name;
            return this;
        }

        /** Default true; false leaves the node running after this JVM exits ({@code hotline services start}). */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * Starts the node and waits until {@code /_cluster/health} answers.
         *
         * @throws EngineException when the distribution is missing, the port is taken, or the node dies or does
         *                         not answer in time (the message carries the end of its log)
         */
        public EmbeddedElasticsearch start() {
            if (workDir == null) {
                throw new IllegalStateException("workDir is required");
            }
            Path esHome = home != null ? home : findHome().orElseThrow(() -> EngineException.userError(
                    "Elasticsearch is not unpacked under hotline-app/target/engines: run "
                            + "`mvn -pl hotline-app package` first"));
            if (!Files.isRegularFile(esHome.resolve("bin").resolve("elasticsearch"))) {
                throw EngineException.userError("no Elasticsearch distribution at " + esHome
                        + ": run `mvn -pl hotline-app package` first");
            }
            Ports.requireFree(port, "Elasticsearch", "--es-port");
            Path dir = workDir.resolve(DIR_NAME).toAbsolutePath();
            List<String> command = prepare(esHome.toAbsolutePath(), dir);
            Path out = dir.resolve("elasticsearch.out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    // Nothing to read: the node must not depend on a pipe that closes when this JVM exits.
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            Map<String, String> env = builder.environment();
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_PATH_CONF", dir.resolve("config").toString());
            env.put("ES_TMPDIR", dir.resolve("tmp").toString());
            env.put("ES_JAVA_OPTS", javaOptions);
            // The ES launcher warns about (or ignores) these; keep its log clean.
            env.remove("JAVA_HOME");
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("_JAVA_OPTIONS");
            LOG.info("starting Elasticsearch on 127.0.0.1:{} in {}", port, dir);
            Process started;
            try {
                started = builder.start();
            } catch (IOException e) {
                throw EngineException.failure("cannot start Elasticsearch: " + e.getMessage(), e);
            }
            EngineProcess process = EngineProcess.of(started, port);
            Thread hook = EmbeddedEngine.stopOnJvmExit(stopOnJvmExit, "stop-es",
                    () -> process.stop(Duration.ofSeconds(30)));
            EmbeddedElasticsearch node = new EmbeddedElasticsearch(process, dir, hook);
            try {
                awaitHealthy(process, out, dir.resolve("logs").resolve(CLUSTER_NAME + ".log"));
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            process.writePidFile(dir.resolve(PID_FILE));
            LOG.info("Elasticsearch ready at {} (pid {})", node.httpUrl(), process.pid());
            return node;
        }

        /** Writes config into {@code dir}; as root, hands it to the unprivileged user and wraps the command. */
        private List<String> prepare(Path esHome, Path dir) {
            try {
                for (String sub : List.of("config", "data", "logs", "tmp")) {
                    Files.createDirectories(dir.resolve(sub));
                }
                Dirs.copyTree(esHome.resolve("config"), dir.resolve("config"));
                Files.writeString(dir.resolve("config").resolve("elasticsearch.yml"),
                        settings(port, Ports.findFree(), dir.resolve("data"), dir.resolve("logs")),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + dir, e);
            }
            Path launcher = esHome.resolve("bin").resolve("elasticsearch");
            if (!UnprivilegedUser.currentUserIsRoot()) {
                return List.of(launcher.toString());
            }
            UnprivilegedUser user = new UnprivilegedUser(unprivilegedUser);
            user.ensureExists();
            user.takeOwnership(dir);
            if (!user.canAccess(dir.resolve("data"), true)) {
                throw EngineException.userError("Elasticsearch runs as " + user.name() + " (it refuses root), "
                        + "which cannot reach " + dir + ": choose a work directory whose parents are searchable "
                        + "by other users, e.g. under /tmp");
            }
            if (!user.canAccess(launcher, false)) {
                Path copy = dir.resolve("home");
                LOG.info("{} cannot read {}: copying the distribution to {}", user.name(), esHome, copy);
                try {
                    Dirs.copyTree(esHome, copy);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy " + esHome + " to " + copy, e);
                }
                user.takeOwnership(copy);
                launcher = copy.resolve("bin").resolve("elasticsearch");
            }
            return user.wrap(List.of(launcher.toString()));
        }

        private void awaitHealthy(EngineProcess process, Path out, Path serverLog) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw EngineException.failure("Elasticsearch exited during startup; end of " + out + ":\n"
                            + LogTail.lastLines(out, 30) + "\nend of " + serverLog + ":\n"
                            + LogTail.lastLines(serverLog, 30), null);
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw EngineException.failure("interrupted while waiting for Elasticsearch", e);
                }
                Dirs.sleep(250);
            }
            throw EngineException.failure("Elasticsearch did not become healthy within " + startupTimeout
                    + "; end of " + out + ":\n" + LogTail.lastLines(out, 30), null);
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch at " + httpUrl() + " (pid " + pid() + ", dir " + directory() + ")";
    }
}
