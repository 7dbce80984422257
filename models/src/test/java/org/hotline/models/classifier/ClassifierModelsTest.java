package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hotline.models.records.HotlineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierModelsTest {
    @TempDir
    Path directory;

    @Test
    void savedModelLoadsWithTheSameVersionAndScores() throws IOException {
        ClassifierTrainer.Trained trained = ClassifierTrainer.train(TinyCorpus.records(120, 1, true), java.util.List.of(),
                TinyCorpus.taxonomy(), TinyCorpus.options().withCalibrationFraction(0.25), TrainingProgress.SILENT);
        trained.save(directory);
        HotlineClassifier loaded = ClassifierModels.load(directory);

        HotlineClassifier original = trained.classifier();
        assertThat(Files.exists(directory.resolve(ClassifierModels.NETWORK))).isTrue();
        assertThat(loaded.version()).isEqualTo(original.version());
        assertThat(loaded.taxonomyVersion()).isEqualTo("tiny-1");
        assertThat(loaded.roots()).isEqualTo(original.roots());
        for (HotlineRecord record : TinyCorpus.records(20, 9, false)) {
            assertThat(loaded.predict(record.title(), record.content(), 3))
                    .isEqualTo(original.predict(record.title(), record.content(), 3));
        }
    }

    @Test
    void aDirectoryWithoutAModelIsReportedClearly() {
        assertThatThrownBy(() -> ClassifierModels.load(directory))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("model.json");
    }
}
