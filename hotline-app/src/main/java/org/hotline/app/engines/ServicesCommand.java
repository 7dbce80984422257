package org.hotline.app.engines;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotline services start|stop|status}: the local Kafka and Elasticsearch the demo and the job use. */
@Command(
        name = "services",
        mixinStandardHelpOptions = true,
        version = "hotline services 0.1.0",
        header = "Start, stop or check the local Kafka broker and Elasticsearch node.",
        description = {
            "Runs a one-node Kafka 4 (KRaft) broker and a one-node Elasticsearch 8 on 127.0.0.1, each as its own "
                    + "process, in the background. Their data, logs and PID files live under the work directory, "
                    + "so `stop` and `status` find what an earlier `start` left. See docs/engines.md.",
            "",
            "Exit codes: 0 done, 1 an engine failed, 2 bad usage (e.g. a port in use, Elasticsearch not unpacked)."
        },
        subcommands = {
            ServicesCommand.Start.class,
            ServicesCommand.Stop.class,
            ServicesCommand.Status.class
        })
public final class ServicesCommand implements Runnable {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The work directory option every subcommand shares. */
    static final class WorkDirOption {
        @Option(names = "--work-dir", paramLabel = "DIR",
                defaultValue = "${sys:hotline.home:-.}/work/services",
                description = "Directory for the engines' data, logs and PID files (default: ${DEFAULT-VALUE}). "
                        + "When run as root it must be reachable by other users: Elasticsearch runs as the "
                        + "system user hotline-es.")
        Path workDir;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            header = "Start Kafka and Elasticsearch in the background and wait until both answer.",
            description = "Prints where they listen. They keep running after this command exits; stop them with "
                    + "`hotline services stop`.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkDirOption options;

        @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "" + EmbeddedKafka.DEFAULT_PORT,
                description = "Kafka client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--es-port", paramLabel = "PORT", defaultValue = "" + EmbeddedElasticsearch.DEFAULT_PORT,
                description = "Elasticsearch HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int esPort;

        @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "How long to wait for each engine to answer (default: ${DEFAULT-VALUE}).")
        int startupTimeoutSeconds;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path workDir = options.workDir.toAbsolutePath().normalize();
            Optional<EngineProcess> runningKafka = EngineProcess.fromPidFile(kafkaPidFile(workDir));
            Optional<EngineProcess> runningEs = EngineProcess.fromPidFile(esPidFile(workDir));
            if (runningKafka.isPresent() || runningEs.isPresent()) {
                err.println("hotline services start: already running in " + workDir
                        + " (see `hotline services status`; stop with `hotline services stop`)");
                return EXIT_USAGE;
            }
            Duration timeout = Duration.ofSeconds(startupTimeoutSeconds);
            EmbeddedKafka kafka = null;
            try {
                err.println("starting Kafka on 127.0.0.1:" + kafkaPort + " …");
                long kafkaStart = System.nanoTime();
                kafka = EmbeddedKafka.builder().workDir(workDir).port(kafkaPort).startupTimeout(timeout)
                        .stopOnJvmExit(false).start();
                err.printf("Kafka ready in %.1f s%n", seconds(kafkaStart));
                err.println("starting Elasticsearch on 127.0.0.1:" + esPort + " …");
                long esStart = System.nanoTime();
                EmbeddedElasticsearch es = EmbeddedElasticsearch.builder().workDir(workDir).port(esPort)
                        .startupTimeout(timeout).stopOnJvmExit(false).start();
                err.printf("Elasticsearch ready in %.1f s%n", seconds(esStart));
                out.println("kafka          " + kafka.bootstrapServers() + "  pid " + kafka.pid()
                        + "  log " + kafka.directory().resolve("kafka.log"));
                out.println("elasticsearch  " + es.httpUrl() + "  pid " + es.pid()
                        + "  log " + es.directory().resolve("logs"));
                out.println("stop with: hotline services stop --work-dir " + workDir);
                return EXIT_OK;
            } catch (EngineException e) {
                if (kafka != null) {
                    kafka.close();
                }
                err.println("hotline services start: " + e.getMessage());
                return e.isUserError() ? EXIT_USAGE : EXIT_FAILED;
            }
        }

        private static double seconds(long startNanos) {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            header = "Stop the Kafka and Elasticsearch that `hotline services start` left running.",
            description = "Each is asked to shut down and killed if it has not within 30 s. Data stay in the "
                    + "work directory for the next start.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkDirOption options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path workDir = options.workDir.toAbsolutePath().normalize();
            // Elasticsearch first: nothing it does depends on Kafka.
            stop("elasticsearch", esPidFile(workDir), out);
            stop("kafka", kafkaPidFile(workDir), out);
            return EXIT_OK;
        }

        private static void stop(String name, Path pidFile, PrintWriter out) {
            Optional<EngineProcess> running = EngineProcess.fromPidFile(pidFile);
            if (running.isEmpty()) {
                out.println(name + ": not running");
                return;
            }
            running.get().stop(Duration.ofSeconds(30));
            out.println(name + ": stopped (pid " + running.get().pid() + ")");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            header = "Show whether Kafka and Elasticsearch are running and answering.",
            description = "Exit code 0 when both run and listen, 1 otherwise.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkDirOption options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path workDir = options.workDir.toAbsolutePath().normalize();
            boolean kafkaUp = report("kafka", kafkaPidFile(workDir), out);
            boolean esUp = report("elasticsearch", esPidFile(workDir), out);
            return kafkaUp && esUp ? EXIT_OK : EXIT_FAILED;
        }

        private static boolean report(String name, Path pidFile, PrintWriter out) {
            Optional<EngineProcess> running = EngineProcess.fromPidFile(pidFile);
            if (running.isEmpty()) {
                out.printf("%-14s not running%n", name);
                return false;
            }
            boolean listening = Ports.isListening(running.get().port());
            out.printf("%-14s running, pid %d, port %d%s%n", name, running.get().pid(), running.get().port(),
                    listening ? "" : " (not listening)");
            return listening;
        }
    }

    static Path kafkaPidFile(Path workDir) {
        return workDir.resolve(EmbeddedKafka.DIR_NAME).resolve(EmbeddedKafka.PID_FILE);
    }

    static Path esPidFile(Path workDir) {
        return workDir.resolve(EmbeddedElasticsearch.DIR_NAME).resolve(EmbeddedElasticsearch.PID_FILE);
    }
}
