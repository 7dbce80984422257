package org.hotline.models.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.models.classifier.ClassifierTrainer;
import org.hotline.models.console.PhasedProgress;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the demand classifier (DL4J embedding bag + TF-IDF NB-SVM ensemble, leaf prototypes) "
                + "from intake-template records whose 'labels' hold a taxonomy path of any depth.",
                "Records without labels are used as unlabelled text. Writes a model directory."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "Labelled training records.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model directory to write.")
    Path out;

    @Option(names = "--exclude", paramLabel = "FILE.jsonl",
            description = "Leave out training records whose id occurs in this file (keeps an evaluation set "
                    + "unseen).")
    Path exclude;

    @Mixin
    TrainingFlags flags = new TrainingFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.guarded(err, () -> {
            Taxonomy taxonomy = CliSupport.taxonomy(flags.taxonomy);
            List<HotlineRecord> records = CliSupport.readRecords(data);
            if (exclude != null) {
                records = RecordSplits.withoutIdsOf(records, CliSupport.readRecords(exclude));
            }
            List<HotlineRecord> unlabelled = CliSupport.readAll(flags.unlabelled);
            PhasedProgress bar = new PhasedProgress();
            long started = System.nanoTime();
            ClassifierTrainer.Trained trained =
                    ClassifierTrainer.train(records, unlabelled, taxonomy, flags.options(), bar);
            bar.finish();
            trained.save(out);
            err.printf("model %s (%d records, taxonomy %s) written to %s in %.1f s%n",
                    trained.classifier().version(), records.size(), taxonomy.version(), out,
                    (System.nanoTime() - started) / 1e9);
            err.flush();
            return 0;
        });
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCommand()).execute(args));
    }
}
