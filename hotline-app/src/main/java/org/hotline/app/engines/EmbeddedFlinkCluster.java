package org.hotline.app.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink session cluster (one JobManager, one TaskManager, each its own JVM, loopback only) assembled from the
 * Flink jars on our own classpath, since Maven Central has no flink-dist. Jobs come as jars over the REST API, as
 * on any standalone cluster. Config, logs and temporary files live under {@code <workDir>/flink}.
 */
public final class EmbeddedFlinkCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);
    public static final int DEFAULT_REST_PORT = 8081;
    static final String DIR_NAME = "flink";
    static final String JOBMANAGER_PID_FILE = "jobmanager.pid";
    static final String TASKMANAGER_PID_FILE = "taskmanager.pid";
    static final String JOBMANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASKMANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String RESOURCE_PARAMS_MAIN = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESOURCE_PARAMS_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Flink 2.x's own scripts pass to both JVMs on Java 17 ({@code env.java.opts.all} of its config.yaml). */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /**
     * What a Flink distribution's lib/ holds, as Maven repository paths: Flink's jars, Log4j and SLF4J, and the
     * libraries flink-core, flink-runtime and flink-clients depend on (their dependency tree for 2.2). Nothing
     * else: with our modules or the job's libraries (Kafka client, Elasticsearch client, HanLP, Jackson, …) on the
     * cluster's classpath, a job jar missing one of them would pass here and fail on a real cluster. A Flink
     * upgrade that adds a dependency shows as a class missing in the JobManager's log at startup.
     */
    static final List<String> FLINK_DISTRIBUTION = List.of(
            "/org/apache/flink/", "/org/apache/logging/log4j/", "/org/slf4j/",
            "/com/esotericsoftware/", "/org/objenesis/", "/org/javassist/", "/org/snakeyaml/",
            "/org/apache/commons/commons-lang3/", "/org/apache/commons/commons-text/",
            "/org/apache/commons/commons-math3/", "/org/apache/commons/commons-compress/", "/commons-io/",
            "/commons-cli/", "/commons-collections/commons-collections/", "/com/google/code/findbugs/",
            "/org/xerial/snappy/", "/at/yawk/lz4/", "/org/lz4/", "/tools/profiler/");

    /** Flink artifacts a distribution does not ship: connectors come inside job jars. */
    static final List<String> NOT_IN_A_FLINK_DISTRIBUTION = List.of("/org/apache/flink/flink-connector-kafka/");

    private final EngineProcess jobManager;
    private final EngineProcess taskManager;
    private final Path dir;
    private final Thread shutdownHook;

    private EmbeddedFlinkCluster(EngineProcess jobManager, EngineProcess taskManager, Path dir, Thread shutdownHook) {
        this.jobManager = jobManager;
        this.taskManager = taskManager;
        this.dir = dir;
        this.shutdownHook = shutdownHook;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** e.g. {@code http://127.0.0.1:8081}: the REST API and the web dashboard. */
    public String restUrl() {
        return "http://127.0.0.1:" + jobManager.port();
    }

    public int restPort() {
        return jobManager.port();
    }

    public long jobManagerPid() {
        return jobManager.pid();
    }

    public long taskManagerPid() {
        return taskManager.pid();
    }

    /** Where its config, logs and temporary files are. */
    public Path directory() {
        return dir;
    }

    /** The REST client of this cluster; its errors carry the end of the JobManager's log. */
    public FlinkRestClient rest() {
        return new FlinkRestClient(restUrl(),
                () -> "end of " + log("jobmanager") + ":\n" + LogTail.lastLines(log("jobmanager"), 30));
    }

    /** Submits {@code jar} as {@code flink run -d} does; see {@link FlinkRestClient#submitJar}. */
    public String submitJar(Path jar, String mainClass, List<String> args) {
        return rest().submitJar(jar, mainClass, args);
    }

    public String jobState(String jobId) {
        return rest().jobState(jobId);
    }

    public void cancel(String jobId) {
        rest().cancel(jobId);
    }

    /** Stops the TaskManager, then the JobManager; kills each when it does not stop within 30 s. */
    @Override
    public void close() {
        try {
            taskManager.stop(Duration.ofSeconds(30));
        } finally {
            jobManager.stop(Duration.ofSeconds(30));
        }
        EmbeddedEngine.removeShutdownHook(shutdownHook);
    }

    private Path log(String role) {
        return dir.resolve(role + ".log");
    }

    /**
     * The cluster's configuration: loopback only, fixed REST and RPC ports, one TaskManager with {@code slots}
     * slots, memory sized for a laptop next to Kafka and Elasticsearch, temporary files and uploads in {@code dir}.
     */
    static String config(int restPort, int jobManagerRpcPort, int taskManagerRpcPort, int slots, Path dir) {
        return String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + jobManagerRpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.rpc.port: " + taskManagerRpcPort,
                "taskmanager.numberOfTaskSlots: " + slots,
                "taskmanager.memory.process.size: 1536m",
                "parallelism.default: 1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "io.tmp.dirs: " + dir.resolve("tmp"),
                "web.tmpdir: " + dir.resolve("tmp"),
                "web.upload.dir: " + dir.resolve("upload"),
                "");
    }

    /** Log4j 2 to the console, which we redirect to the role's log file. */
    static String log4jConfig() {
        return String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %c - %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "");
    }

    /** The entries of {@code classpath} a Flink distribution holds ({@link #FLINK_DISTRIBUTION}). */
    static String clusterClasspath(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(entry -> isIn(entry, FLINK_DISTRIBUTION) && !isIn(entry, NOT_IN_A_FLINK_DISTRIBUTION))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isIn(String entry, List<String> paths) {
        String path = entry.replace(File.separatorChar, '/');
        return paths.stream().anyMatch(path::contains);
    }

    /**
     * What {@code BashJavaUtils GET_JM_RESOURCE_PARAMS}/{@code GET_TM_RESOURCE_PARAMS} printed: its last two result
     * lines are the JVM memory flags and the {@code -D key=value} arguments for the entry point, as Flink's scripts
     * read them.
     */
    static ResourceParams resourceParams(String output) {
        List<String> results = output.lines()
                .filter(line -> line.startsWith(RESOURCE_PARAMS_PREFIX))
                .map(line -> line.substring(RESOURCE_PARAMS_PREFIX.length()).trim())
                .toList();
        if (results.size() < 2) {
            throw EngineException.failure("Flink's BashJavaUtils printed no memory settings:\n" + output, null);
        }
        return new ResourceParams(words(results.get(results.size() - 2)), words(results.get(results.size() - 1)));
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    /** JVM flags ({@code -Xmx…}) and entry-point arguments ({@code -D key=value}) of one Flink process. */
    record ResourceParams(List<String> jvmOptions, List<String> dynamicProperties) {}

    public static final class Builder {
        private Path workDir;
        private int restPort = DEFAULT_REST_PORT;
        private int slots = 2;
        private Duration startupTimeout = Duration.ofMinutes(2);
        private String classpath = System.getProperty("java.class.path");
        private boolean stopOnJvmExit = true;

        private Builder() {}

        /** Required: {@code <workDir>/flink} holds config, logs, PID files, uploads and temporary files. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** REST API and dashboard port on 127.0.0.1; default 8081. The RPC ports are free ports of their own. */
        public Builder restPort(int restPort) {
            this.restPort = restPort;
            return this;
        }

        /** Task slots of the one TaskManager; default 2 (the classify job's default parallelism). */
        public Builder slots(int slots) {
            this.slots = slots;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * Classpath holding Flink's jars ({@code flink-runtime}, {@code flink-clients}, {@code flink-runtime-web}, …)
         * and Log4j; default this JVM's. Only what a Flink distribution holds is passed on.
         */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Default true: a shutdown hook stops the cluster when this JVM exits without {@code close()}. */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * Starts the JobManager, waits until its REST API answers, starts the TaskManager and waits until its slots
         * are registered.
         *
         * @throws EngineException when the port is taken, or a process dies or does not get ready in time (the
         *                         message carries the end of its log)
         */
        public EmbeddedFlinkCluster start() {
            if (workDir == null) {
                throw new IllegalStateException("workDir is required");
            }
            Ports.requireFree(restPort, "Flink", "restPort");
            Path dir = workDir.resolve(DIR_NAME).toAbsolutePath();
            Path conf = dir.resolve("conf");
            try {
                Files.createDirectories(conf);
                Files.createDirectories(dir.resolve("tmp"));
                Files.createDirectories(dir.resolve("upload"));
                Files.writeString(conf.resolve("config.yaml"),
                        config(restPort, Ports.findFree(), Ports.findFree(), slots, dir), StandardCharsets.UTF_8);
                Files.writeString(conf.resolve("log4j2.properties"), log4jConfig(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + dir, e);
            }
            String flinkClasspath = clusterClasspath(classpath);
            LOG.info("starting a Flink session cluster (REST on 127.0.0.1:{}, {} slots) in {}", restPort, slots, dir);
            EngineProcess jobManager = launch(flinkClasspath, dir, "jobmanager", "GET_JM_RESOURCE_PARAMS",
                    JOBMANAGER_MAIN, restPort);
            EngineProcess taskManager = null;
            try {
                awaitOverview(restPort, jobManager, dir.resolve("jobmanager.log"), "JobManager", overview -> true);
                taskManager = launch(flinkClasspath, dir, "taskmanager", "GET_TM_RESOURCE_PARAMS", TASKMANAGER_MAIN,
                        restPort);
                awaitOverview(restPort, taskManager, dir.resolve("taskmanager.log"), "TaskManager",
                        overview -> overview.path("slots-total").asInt() >= slots);
            } catch (RuntimeException e) {
                if (taskManager != null) {
                    taskManager.stop(Duration.ofSeconds(10));
                }
                jobManager.stop(Duration.ofSeconds(10));
                throw e;
            }
            EngineProcess tm = taskManager;
            Thread hook = EmbeddedEngine.stopOnJvmExit(stopOnJvmExit, "stop-flink", () -> {
                tm.stop(Duration.ofSeconds(30));
                jobManager.stop(Duration.ofSeconds(30));
            });
            jobManager.writePidFile(dir.resolve(JOBMANAGER_PID_FILE));
            taskManager.writePidFile(dir.resolve(TASKMANAGER_PID_FILE));
            EmbeddedFlinkCluster cluster = new EmbeddedFlinkCluster(jobManager, taskManager, dir, hook);
            LOG.info("Flink session cluster ready at {} (JobManager pid {}, TaskManager pid {})", cluster.restUrl(),
                    jobManager.pid(), taskManager.pid());
            return cluster;
        }

        /** Starts one Flink process with the memory flags Flink computes for it from the config, as its scripts do. */
        private EngineProcess launch(String flinkClasspath, Path dir, String role, String resourceCommand,
                                     String mainClass, int port) {
            Path conf = dir.resolve("conf");
            Path log = dir.resolve(role + ".log");
            ResourceParams params = resourceParams(runResourceParams(flinkClasspath, conf, resourceCommand,
                    dir.resolve(role + "-resources.out")));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(params.jvmOptions());
            command.addAll(JAVA_17_OPTIONS);
            command.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
            command.add("-Dlog.file=" + log); // lets the dashboard show the log
            command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j2.properties"));
            command.add("-cp");
            command.add(flinkClasspath);
            command.add(mainClass);
            command.add("--configDir");
            command.add(conf.toString());
            command.addAll(params.dynamicProperties());
            try {
                Process started = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        // Nothing to read: the process must not depend on a pipe that closes when this JVM exits.
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                return EngineProcess.of(started, port);
            } catch (IOException e) {
                throw EngineException.failure("cannot start the Flink " + role + ": " + e.getMessage(), e);
            }
        }

        private static String runResourceParams(String flinkClasspath, Path conf, String resourceCommand, Path out) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlog4j.configurationFile=" + conf.resolve("log4j2.properties"),
                    "-cp", flinkClasspath, RESOURCE_PARAMS_MAIN, resourceCommand, "--configDir", conf.toString());
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw EngineException.failure("Flink's BashJavaUtils did not answer in 1 min; see " + out, null);
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw EngineException.failure("Flink's BashJavaUtils " + resourceCommand + " failed (exit "
                            + process.exitValue() + "); end of " + out + ":\n" + LogTail.lastLines(out, 30), null);
                }
                return output;
            } catch (IOException e) {
                throw EngineException.failure("cannot run Flink's BashJavaUtils: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EngineException.failure("interrupted while computing Flink's memory settings", e);
            }
        }

        /** Waits until {@code ready} holds for the cluster overview, failing early when {@code watched} exits. */
        private void awaitOverview(int port, EngineProcess watched, Path log, String what, Predicate<JsonNode> ready) {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!watched.isAlive()) {
                    throw EngineException.failure("the Flink " + what + " exited during startup; end of " + log
                            + ":\n" + LogTail.lastLines(log, 40), null);
                }
                JsonNode overview = overview(port);
                if (overview != null && ready.test(overview)) {
                    return;
                }
                Dirs.sleep(250);
            }
            throw EngineException.failure("the Flink " + what + " was not ready within " + startupTimeout
                    + "; end of " + log + ":\n" + LogTail.lastLines(log, 40), null);
        }

        /** {@code GET /overview}, or null while the REST API does not answer. */
        private static JsonNode overview(int port) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/overview"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EngineException.failure("interrupted while waiting for Flink", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Flink session cluster at " + restUrl() + " (JobManager pid " + jobManagerPid() + ", TaskManager pid "
                + taskManagerPid() + ", dir " + dir + ")";
    }
}
