package org.hotline.alerts.job;

import java.util.concurrent.Callable;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotline alerts run}: runs the alert job against the configured Kafka and Elasticsearch, locally on a
 * MiniCluster or, as main() of a job jar, on a Flink cluster.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the Flink alert job: tagged topic → daily series → alerts in Elasticsearch.",
        description = {
            "Reads the tagged topic (kafka.topic.tagged, consumer group alerts.group), counts each record in its "
                    + "taxonomy node × district series at every level, and at the end of each day (alerts.zone) "
                    + "writes SEASONAL, HIGH_FREQUENCY (count or share of the district's day, from alerts.rules), "
                    + "COMMON, street-level CLUSTERED, PERIODIC and EMERGING alerts to es.alertIndex. "
                    + "Runs until stopped; with --catch-up, ends after the topic's current end.",
            "Every setting is a configuration key (docs/configuration.md): --config FILE, HOTLINE_* environment "
                    + "variables, then --set KEY=VALUE."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hotline alerts run",
            "  hotline alerts run --set alerts.commonMinDistricts=2 --set alerts.rules=rules.json"})
public final class AlertJobCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--catch-up", description = "read the tagged topic up to its end as of the start, close every "
            + "day and finish (a backfill over history) instead of running until stopped")
    boolean catchUp;

    @Override
    public Integer call() throws Exception {
        HotlineConfig config = configOptions.load();
        AlertJob.prepare(config);
        var env = AlertJob.environment(config);
        JobClient job = (catchUp ? AlertJob.catchUp(config) : AlertJob.wire(config)).start(env);
        System.out.println("alert job " + job.getJobID() + (catchUp ? " catching up" : " running") + "; config "
                + config);
        if (env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            job.getJobExecutionResult().get();
        }
        return 0;
    }

    /** Entry point for {@code flink run}; never System.exit (inside a JobManager that would stop the cluster). */
    public static void main(String[] args) {
        int exitCode = new CommandLine(new AlertJobCommand()).execute(args);
        if (exitCode != 0) {
            throw new IllegalStateException("hotline alerts run failed with exit code " + exitCode
                    + "; its error is printed above");
        }
    }
}
