package io.augment4j.trainer.data;

import java.util.List;

/** A view of some examples of another {@link ImageSet}, in the given order. */
public final class SubsetImageSet implements ImageSet {
    private final ImageSet base;
    private final int[] indices;

    /**
     * @param base the full set
     * @param indices the examples to keep (not copied)
     */
    public SubsetImageSet(ImageSet base, int[] indices) {
        this.base = base;
        this.indices = indices;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public int channels() {
        return base.channels();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public void image(int index, float[] dst) {
        base.image(indices[index], dst);
    }

    @Override
    public String describe(int index) {
        return base.describe(indices[index]);
    }
}
