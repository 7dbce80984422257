package org.hotline.classify;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.hotline.classify.functions.ModelTaggers;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotline classify}: runs the classify job against the configured Kafka and Elasticsearch. Locally it runs
 * on a MiniCluster; submitted as the shaded jar to a Flink session cluster ({@code flink run} or the REST API), the
 * same main() runs on the cluster.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the Flink classify job: intake topic → tags → Elasticsearch and the tagged topic.",
        description = {
            "Reads the intake topic, re-validates and re-masks each record, drops replays, segments with HanLP, "
                    + "classifies with the model in model.dir and writes to Elasticsearch (es.index, _id = record "
                    + "id) and the tagged topic; refused records go to the dead-letter topic. Runs until stopped.",
            "Every setting is a configuration key (docs/configuration.md): --config FILE, HOTLINE_* environment "
                    + "variables, then --set KEY=VALUE."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hotline classify --set model.dir=work/model",
            "  HOTLINE_KAFKA_BOOTSTRAP=kafka1:9092 HOTLINE_ES_URLS=https://es1:9200 hotline classify --config prod.properties"})
public final class ClassifyCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--model", paramLabel = "DIR", description = "trained model directory (same as --set model.dir=DIR)")
    Path model;

    @Override
    public Integer call() throws Exception {
        HotlineConfig config = configOptions.load();
        if (model != null) {
            config = config.with("model.dir", model.toString());
        }
        ClassifyJob.prepare(config);
        var env = ClassifyJob.environment(config);
        JobClient job = ClassifyJob.wire(config, ModelTaggers.forConfig(config)).start(env);
        System.out.println("classify job " + job.getJobID() + " running; config " + config);
        // Detached (REST jar run, `flink run -d`) the submitter cannot wait: the job outlives it.
        if (env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            job.getJobExecutionResult().get();
        }
        return 0;
    }

    /**
     * Entry point of the shaded job jar, run by {@code flink run} or inside the JobManager (REST jar run). It must
     * not call System.exit: inside the JobManager that would stop the cluster. A failure is thrown for Flink to
     * report instead.
     */
    public static void main(String[] args) {
        int exitCode = new CommandLine(new ClassifyCommand()).execute(args);
        if (exitCode != 0) {
            throw new IllegalStateException("hotline classify failed with exit code " + exitCode
                    + "; its error is printed above");
        }
    }
}
