package io.augment4j.trainer.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.TensorFile;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.Normalization;
import io.augment4j.trainer.loader.HostBatch;
import io.augment4j.trainer.loader.BatchLoader;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.model.ModelFactory;
import io.augment4j.trainer.model.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * A trained classifier with the input normalization it was trained with: evaluation and
 * inference apply exactly that normalization, and {@link #save} stores both together.
 * Owns its {@link Network}; close it when done.
 */
public final class TrainedModel implements AutoCloseable {

    /** File name of the weights inside a saved model folder. */
    public static final String WEIGHTS = "model.params";

    /**
     * What a saved model's header records.
     *
     * @param config architecture
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param classNames class names by label
     * @param normalization train-split statistics
     */
    record Meta(ModelConfig config, int channels, int height, int width, List<String> classNames,
            Normalization normalization) {}

    private final Network network;
    private final Normalization normalization;
    private final List<String> classNames;

    /**
     * @param network the network (ownership passes to this object)
     * @param normalization the train-split statistics
     * @param classNames class names by label
     */
    public TrainedModel(Network network, Normalization normalization, List<String> classNames) {
        this.network = network;
        this.normalization = normalization;
        this.classNames = List.copyOf(classNames);
    }

    /** @return the network */
    public Network network() {
        return network;
    }

    /** @return the normalization applied to every input */
    public Normalization normalization() {
        return normalization;
    }

    /** @return class names by label */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Class probabilities for one image (dropout off, batch norm in inference mode).
     *
     * @param hwc raw pixels, HWC, same range as the training data
     * @return softmax probabilities per class
     */
    public float[] predict(float[] hwc) {
        Shape in = network.inputShape();
        float[] chw = new float[hwc.length];
        normalization.toChw(hwc, chw, 0);
        try (NDManager m = network.manager().newSubManager();
                ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            NDArray x = m.create(chw, new Shape(1, in.get(0), in.get(1), in.get(2)));
            return network.forward(x, false).softmax(1).toFloatArray();
        }
    }

    /**
     * Loss and accuracy on a subset, without augmentation.
     *
     * @param data dataset
     * @param indices examples to evaluate (e.g. the test split)
     * @param batchSize evaluation batch size
     * @return the metrics
     */
    public EvalMetrics evaluate(ImageSet data, int[] indices, int batchSize) {
        try (BatchLoader loader = new BatchLoader(data, indices, batchSize, false, 0, null,
                normalization, 1, 2)) {
            return evaluate(network, loader);
        }
    }

    /** Evaluates a network over one pass of a loader (used for validation every epoch). */
    static EvalMetrics evaluate(Network network, BatchLoader loader) {
        Loss lossFn = Loss.softmaxCrossEntropyLoss();
        double lossSum = 0;
        long correct = 0;
        int n = 0;
        Iterator<HostBatch> it = loader.epoch(0);
        while (it.hasNext()) {
            HostBatch b = it.next();
            try (NDManager m = network.manager().newSubManager();
                    ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                NDArray x = m.create(b.data(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                NDArray y = m.create(b.labels());
                NDArray logits = network.forward(x, false);
                lossSum += lossFn.evaluate(new NDList(y), new NDList(logits)).getFloat() * b.size();
                correct += countCorrect(logits, b.labels());
                n += b.size();
            }
        }
        return n == 0 ? new EvalMetrics(Double.NaN, Double.NaN, 0) : new EvalMetrics(lossSum / n, (double) correct / n, n);
    }

    static int countCorrect(NDArray logits, long[] labels) {
        long[] pred = logits.argMax(1).toLongArray();
        int c = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }

    /**
     * Saves weights, architecture, class names and normalization to {@code dir/model.params}.
     *
     * @param dir destination folder
     * @throws IOException on failure
     */
    public void save(Path dir) throws IOException {
        Shape s = network.inputShape();
        Meta meta = new Meta(network.config(), (int) s.get(0), (int) s.get(1), (int) s.get(2),
                classNames, normalization);
        TensorFile.write(dir.resolve(WEIGHTS), Json.MAPPER.writeValueAsBytes(meta), network.snapshot());
    }

    /**
     * Loads a model saved with {@link #save}.
     *
     * @param dir the folder
     * @return the model, ready for {@link #predict}
     * @throws IOException on failure
     */
    public static TrainedModel load(Path dir) throws IOException {
        TensorFile.Contents c = TensorFile.read(dir.resolve(WEIGHTS));
        Meta m = Json.MAPPER.readValue(c.header(), Meta.class);
        Network net = ModelFactory.build(m.config(), m.channels(), m.height(), m.width(),
                m.classNames().size(), 0);
        try {
            net.restore(c.tensors());
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new TrainedModel(net, m.normalization(), m.classNames());
    }

    @Override
    public void close() {
        network.close();
    }
}
