package org.hotline.models.classifier;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J side of the embedding bag: defines the network (embedding lookup → masked average → softmax), trains
 * it and exports its weights to {@link EmbeddingBag}. Only training and tests touch this class, never the hot path.
 */
public final class EmbeddingBagNetwork {
    private static final int EMBEDDING = 0;
    private static final int OUTPUT = 2;
    private static final double INIT_STD = 0.05;

    private final MultiLayerNetwork network;
    private final int classes;

    private EmbeddingBagNetwork(MultiLayerNetwork network, int classes) {
        this.network = network;
        this.classes = classes;
    }

    /** A fresh network with seeded weights. */
    public static EmbeddingBagNetwork create(int buckets, int dimension, int classes, long seed,
                                             double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .list()
                .layer(new EmbeddingSequenceLayer.Builder()
                        .nIn(buckets).nOut(dimension).hasBias(false)
                        .weightInit(new WeightInitDistribution(new NormalDistribution(0, INIT_STD)))
                        .build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(dimension).nOut(classes).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.XAVIER)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new EmbeddingBagNetwork(network, classes);
    }

    public static EmbeddingBagNetwork load(File file) throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file, false);
        return new EmbeddingBagNetwork(network, (int) network.getLayer(OUTPUT).getParam("b").length());
    }

    public void save(File file) throws IOException {
        ModelSerializer.writeModel(network, file, false);
    }

    /**
     * One pass over the examples in a seeded shuffled order.
     *
     * @param afterBatch called with the number of examples in each finished minibatch (progress bars)
     */
    public void fitEpoch(List<int[]> features, int[] labels, int batchSize, Random shuffle, IntConsumer afterBatch) {
        int[] order = shuffledOrder(features.size(), shuffle);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            network.fit(batch(features, labels, order, start, end));
            afterBatch.accept(end - start);
        }
    }

    /** Softmax outputs computed by DL4J, one row per record (used to check the plain-Java forward pass). */
    public double[][] predict(List<int[]> features) {
        int[] order = new int[features.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        DataSet data = batch(features, new int[features.size()], order, 0, order.length);
        INDArray out = network.output(data.getFeatures(), false, data.getFeaturesMaskArray(), null);
        double[][] rows = new double[features.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = out.getRow(i).toDoubleVector();
        }
        return rows;
    }

    /** Copies the trained weights into the nd4j-free forward pass. */
    public EmbeddingBag toEmbeddingBag() {
        INDArray embeddings = network.getLayer(EMBEDDING).getParam("W");
        INDArray outputWeights = network.getLayer(OUTPUT).getParam("W");
        INDArray outputBias = network.getLayer(OUTPUT).getParam("b");
        return new EmbeddingBag((int) embeddings.rows(), (int) embeddings.columns(), classes,
                flat(embeddings), flat(outputWeights), flat(outputBias));
    }

    private static float[] flat(INDArray matrix) {
        return Nd4j.toFlattened('c', matrix).toFloatVector();
    }

    private DataSet batch(List<int[]> features, int[] labels, int[] order, int start, int end) {
        int size = end - start;
        int longest = 1;
        for (int i = start; i < end; i++) {
            longest = Math.max(longest, features.get(order[i]).length);
        }
        float[][] ids = new float[size][longest];
        float[][] mask = new float[size][longest];
        float[][] oneHot = new float[size][classes];
        for (int row = 0; row < size; row++) {
            int[] f = features.get(order[start + row]);
            for (int t = 0; t < f.length; t++) {
                ids[row][t] = f[t];
                mask[row][t] = 1f;
            }
            oneHot[row][labels[order[start + row]]] = 1f;
        }
        return new DataSet(Nd4j.create(ids), Nd4j.create(oneHot), Nd4j.create(mask), null);
    }

    private static int[] shuffledOrder(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
