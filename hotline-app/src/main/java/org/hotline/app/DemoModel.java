package org.hotline.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.classifier.ClassifierTrainer;
import org.hotline.models.classifier.TrainOptions;
import org.hotline.models.console.PhasedProgress;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.sample.SyntheticDemands;

/** The demo's model: trained once on synthetic demands (never on real data) and reused by later runs. */
final class DemoModel {
    /** Seed of the training demands; differs from the streamed demands' seed so the demo is not graded on them. */
    static final long TRAINING_SEED = 7;

    private DemoModel() {}

    static Path ensure(Path dir, int trainRecords, PrintStream out) throws IOException {
        Path marker = dir.resolve("trained-on-" + trainRecords + "-synthetic-records");
        if (Files.exists(marker) && Files.exists(dir.resolve(ClassifierModels.MANIFEST))) {
            out.println("• model " + dir + " (trained earlier on " + trainRecords + " synthetic demands)");
            return dir;
        }
        SyntheticDemands demands = SyntheticDemands.withDefaults(TRAINING_SEED);
        List<HotlineRecord> records = demands.generate(trainRecords);
        PhasedProgress progress = new PhasedProgress();
        ClassifierTrainer.Trained trained = ClassifierTrainer.train(records, List.of(), demands.taxonomy(),
                TrainOptions.quick(), progress);
        progress.finish();
        trained.save(dir);
        Files.createFile(marker);
        out.println("• model trained on " + trainRecords + " synthetic demands → " + dir);
        return dir;
    }
}
