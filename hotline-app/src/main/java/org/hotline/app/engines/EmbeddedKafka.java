package org.hotline.app.engines;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node Kafka 4 KRaft cluster (broker and controller in one JVM, loopback only) started from the
 * {@code kafka_2.13} jars on our own classpath. Data and logs live under {@code <workDir>/kafka}; its console goes
 * to {@code kafka.log} there. Data survive a restart in the same work dir.
 */
public final class EmbeddedKafka extends EmbeddedEngine {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    public static final int DEFAULT_PORT = 9092;
    static final String DIR_NAME = "kafka";
    static final String PID_FILE = "kafka.pid";

    private EmbeddedKafka(EngineProcess process, Path dir, Thread shutdownHook) {
        super(process, dir, shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** e.g. {@code 127.0.0.1:9092} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    /** Broker + controller settings for one loopback node; topics default to 1 partition, replication 1. */
    static String serverProperties(int port, int controllerPort, Path dataDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // One member per group in tests and the demo: do not wait for more to join.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** Kafka 4 logs through Log4j 2: INFO to the console, which we redirect to the log file. */
    static String log4jConfig() {
        return String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "");
    }

    public static final class Builder {
        private Path workDir;
        private int port = DEFAULT_PORT;
        private Duration startupTimeout = Duration.ofMinutes(2);
        private String classpath = System.getProperty("java.class.path");
        private List<String> javaOptions = List.of("-Xms256m", "-Xmx1g");
        private boolean stopOnJvmExit = true;

        private Builder() {}

        /** Required: {@code <workDir>/kafka} holds data, log and the PID file. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Client port on 127.0.0.1; default 9092. The controller takes a free port of its own. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Classpath holding {@code kafka_2.13} and its dependencies; default this JVM's. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** JVM options of the broker; default {@code -Xms256m -Xmx1g}. */
        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = List.copyOf(javaOptions);
            return this;
        }

        /** Default true; false leaves the broker running after this JVM exits ({@code hotline services start}). */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * Formats the storage (first start only), starts the broker and waits until it answers a metadata request.
         *
         * @throws EngineException when the port is taken, or the broker dies or does not answer in time (the
         *                         message carries the end of its log)
         */
        public EmbeddedKafka start() {
            if (workDir == null) {
                throw new IllegalStateException("workDir is required");
            }
            Ports.requireFree(port, "Kafka", "--kafka-port");
            Path dir = workDir.resolve(DIR_NAME).toAbsolutePath();
            Path config = dir.resolve("server.properties");
            Path log4j = dir.resolve("log4j2.properties");
            Path log = dir.resolve("kafka.log");
            try {
                Files.createDirectories(dir.resolve("data"));
                Files.writeString(config, serverProperties(port, Ports.findFree(), dir.resolve("data")),
                        StandardCharsets.UTF_8);
                Files.writeString(log4j, log4jConfig(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + dir, e);
            }
            format(config, log4j, dir.resolve("data"), dir.resolve("format.log"));
            LOG.info("starting Kafka on 127.0.0.1:{} in {}", port, dir);
            Process started;
            try {
                started = new ProcessBuilder(javaCommand(log4j, "kafka.Kafka", config.toString()))
                        .directory(dir.toFile())
                        // Nothing to read: the broker must not depend on a pipe that closes when this JVM exits.
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw EngineException.failure("cannot start Kafka: " + e.getMessage(), e);
            }
            EngineProcess process = EngineProcess.of(started, port);
            Thread hook = EmbeddedEngine.stopOnJvmExit(stopOnJvmExit, "stop-kafka",
                    () -> process.stop(Duration.ofSeconds(30)));
            EmbeddedKafka kafka = new EmbeddedKafka(process, dir, hook);
            try {
                awaitReady(process, kafka.bootstrapServers(), log);
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            process.writePidFile(dir.resolve(PID_FILE));
            LOG.info("Kafka ready at {} (pid {})", kafka.bootstrapServers(), process.pid());
            return kafka;
        }

        private List<String> javaCommand(Path log4j, String mainClass, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOptions);
            command.add("-Dlog4j2.configurationFile=" + log4j);
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(List.of(args));
            return command;
        }

        /** Formats the log dir with a new cluster id; a dir formatted by an earlier start is left as it is. */
        private void format(Path config, Path log4j, Path dataDir, Path formatLog) {
            if (Files.exists(dataDir.resolve("meta.properties"))) {
                return;
            }
            List<String> command = javaCommand(log4j, "kafka.tools.StorageTool", "format",
                    "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString());
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(formatLog.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw EngineException.failure("formatting Kafka storage timed out; see " + formatLog, null);
                }
                if (process.exitValue() != 0) {
                    throw EngineException.failure("formatting Kafka storage failed (exit " + process.exitValue()
                            + "); end of " + formatLog + ":\n" + LogTail.lastLines(formatLog, 30), null);
                }
            } catch (IOException e) {
                throw EngineException.failure("cannot run the Kafka storage tool: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EngineException.failure("interrupted while formatting Kafka storage", e);
            }
        }

        private void awaitReady(EngineProcess process, String bootstrapServers, Path log) {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw EngineException.failure("Kafka exited during startup; end of " + log + ":\n"
                            + LogTail.lastLines(log, 40), null);
                }
                if (Ports.isListening(port) && answersMetadata(bootstrapServers)) {
                    return;
                }
                Dirs.sleep(250);
            }
            throw EngineException.failure("Kafka did not answer within " + startupTimeout + "; end of " + log
                    + ":\n" + LogTail.lastLines(log, 40), null);
        }

        private static boolean answersMetadata(String bootstrapServers) {
            Map<String, Object> config = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            try (Admin admin = Admin.create(config)) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            } catch (ExecutionException | TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EngineException.failure("interrupted while waiting for Kafka", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Kafka at " + bootstrapServers() + " (pid " + pid() + ", dir " + directory() + ")";
    }
}
