package org.hotline.models.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.hotline.models.text.FeatureConfig;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.Segmenter;

/**
 * Saves and loads a model directory: {@code model.json} (format, versions, label index, feature config, segmenter
 * words, calibration, leaf paths), {@code weights.bin} (every weight array) and, when training produced one,
 * {@code network.zip} (the DL4J network, for inspection; loading never reads it and needs no nd4j).
 */
public final class ClassifierModels {
    public static final String MANIFEST = "model.json";
    public static final String WEIGHTS = "weights.bin";
    public static final String NETWORK = "network.zip";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClassifierModels() {}

    /** What model.json holds. */
    record Manifest(int formatVersion, String version, String taxonomyVersion, List<String> roots,
                    FeatureConfig features, List<String> dictionaryWords, int embeddingDimension,
                    boolean linearModel, double temperature, double linearWeight, double reviewThreshold,
                    double leafSharpness, List<List<String>> leafPaths, int[] leafRoot) {}

    /** Loads a model directory written by {@link #save}; plain Java, no nd4j. */
    public static HotlineClassifier load(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NoSuchFileException(manifestFile.toString(), null, "not a classifier model directory");
        }
        Manifest manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException("model format " + manifest.formatVersion() + " is not supported (expected "
                    + FORMAT_VERSION + ")");
        }
        ByteBuffer weights = ByteBuffer.wrap(Files.readAllBytes(directory.resolve(WEIGHTS)));
        int buckets = manifest.features().buckets();
        int classes = manifest.roots().size();
        int dimension = manifest.embeddingDimension();
        EmbeddingBag bag = new EmbeddingBag(buckets, dimension, classes, readFloats(weights), readFloats(weights),
                readFloats(weights));
        TfIdf tfIdf = new TfIdf(readFloats(weights));
        LinearSvm svm = manifest.linearModel() ? new LinearSvm(classes, buckets, readFloats(weights)) : null;
        LeafScorer leafScorer = new LeafScorer(manifest.leafPaths(), manifest.leafRoot(), classes,
                manifest.leafSharpness(), readInts(weights), readInts(weights), readFloats(weights));
        FeatureExtractor extractor = new FeatureExtractor(Segmenter.withWords(manifest.dictionaryWords()),
                manifest.features());
        return new HotlineClassifier(manifest.version(), manifest.taxonomyVersion(), manifest.roots(), extractor,
                bag, tfIdf, svm, new HotlineClassifier.Calibration(manifest.temperature(), manifest.linearWeight()),
                leafScorer, manifest.reviewThreshold());
    }

    public static void save(HotlineClassifier classifier, Path directory) throws IOException {
        Files.createDirectories(directory);
        EmbeddingBag bag = classifier.embeddingBag();
        LeafScorer leaves = classifier.leafScorer();
        Manifest manifest = new Manifest(FORMAT_VERSION, classifier.version(), classifier.taxonomyVersion(),
                classifier.roots(), classifier.extractor().config(),
                classifier.segmenter().extraWords(), bag.dimension(), classifier.linearSvm() != null,
                classifier.calibration().temperature(), classifier.calibration().linearWeight(),
                classifier.reviewThreshold(), leaves.sharpness(), leaves.leafPaths(), leaves.leafRoot());
        JSON.writeValue(directory.resolve(MANIFEST).toFile(), manifest);
        try (OutputStream file = Files.newOutputStream(directory.resolve(WEIGHTS));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            writeFloats(out, bag.embeddings());
            writeFloats(out, bag.outputWeights());
            writeFloats(out, bag.outputBias());
            writeFloats(out, classifier.tfIdf().idf());
            if (classifier.linearSvm() != null) {
                writeFloats(out, classifier.linearSvm().weights());
            }
            writeInts(out, leaves.start());
            writeInts(out, leaves.postingLeaf());
            writeFloats(out, leaves.postingWeight());
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static float[] readFloats(ByteBuffer in) throws IOException {
        float[] values = new float[length(in)];
        in.asFloatBuffer().get(values);
        in.position(in.position() + values.length * Float.BYTES);
        return values;
    }

    private static int[] readInts(ByteBuffer in) throws IOException {
        int[] values = new int[length(in)];
        in.asIntBuffer().get(values);
        in.position(in.position() + values.length * Integer.BYTES);
        return values;
    }

    private static int length(ByteBuffer in) throws IOException {
        if (in.remaining() < Integer.BYTES) {
            throw new IOException("weights file is truncated");
        }
        int length = in.getInt();
        if (length < 0 || (long) length * Float.BYTES > in.remaining()) {
            throw new IOException("weights file is truncated or corrupt");
        }
        return length;
    }
}
