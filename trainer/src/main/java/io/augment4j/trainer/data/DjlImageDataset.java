package io.augment4j.trainer.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import io.augment4j.trainer.loader.ExampleAugmenter;

/**
 * An {@link ImageSet} subset as a DJL {@link RandomAccessDataset}, for DJL users who keep their
 * own {@code EasyTrain} loop: records are normalized CHW float images with an int64 label.
 *
 * <p>With an augmenter, each record is augmented with a seed derived from (seed, index):
 * DJL's {@code get} does not know the epoch, so use {@link #withEpoch} between epochs for fresh
 * augmentations. Our own {@code BatchLoader} does that by itself and is faster (bulk batches,
 * no per-record NDArrays), so the trainer does not go through this class.
 */
public final class DjlImageDataset extends RandomAccessDataset {

    private final ImageSet data;
    private final int[] indices;
    private final Normalization normalization;
    private final ExampleAugmenter augmenter;
    private final long seed;
    private volatile int epoch;

    private DjlImageDataset(Builder b) {
        super(b);
        this.data = b.data;
        this.indices = b.indices;
        this.normalization = b.normalization;
        this.augmenter = b.augmenter;
        this.seed = b.seed;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param epoch the epoch whose augmentation seeds to use from now on
     * @return this
     */
    public DjlImageDataset withEpoch(int epoch) {
        this.epoch = epoch;
        return this;
    }

    @Override
    public Record get(NDManager manager, long index) {
        int ex = indices[Math.toIntExact(index)];
        float[] hwc = new float[data.pixelCount()];
        data.image(ex, hwc);
        if (augmenter != null) {
            hwc = augmenter.augment(hwc, data.height(), data.width(), data.channels(),
                    ExampleAugmenter.seedFor(seed, epoch, ex));
        }
        float[] chw = new float[hwc.length];
        normalization.toChw(hwc, chw, 0);
        return new Record(
                new NDList(manager.create(chw, new Shape(data.channels(), data.height(), data.width()))),
                new NDList(manager.create((long) data.label(ex))));
    }

    @Override
    protected long availableSize() {
        return indices.length;
    }

    @Override
    public void prepare(Progress progress) {
        // in memory or read lazily per record: nothing to prepare
    }

    /** Builder; {@code setSampling(batchSize, shuffle)} is inherited from DJL. */
    public static final class Builder extends BaseBuilder<Builder> {
        private ImageSet data;
        private int[] indices;
        private Normalization normalization;
        private ExampleAugmenter augmenter;
        private long seed;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param data the dataset
         * @param indices the examples to expose (e.g. a split's train indices)
         * @return this
         */
        public Builder data(ImageSet data, int[] indices) {
            this.data = data;
            this.indices = indices.clone();
            return this;
        }

        /** @param n normalization (train-split statistics) @return this */
        public Builder normalization(Normalization n) {
            this.normalization = n;
            return this;
        }

        /**
         * @param augmenter augmentation for a training set, or null
         * @param seed augmentation seed
         * @return this
         */
        public Builder augmenter(ExampleAugmenter augmenter, long seed) {
            this.augmenter = augmenter;
            this.seed = seed;
            return this;
        }

        /** @return the dataset */
        public DjlImageDataset build() {
            if (data == null) {
                throw new IllegalStateException("data(...) is required");
            }
            if (normalization == null) {
                normalization = Normalization.identity(data.channels());
            }
            return new DjlImageDataset(this);
        }
    }
}
