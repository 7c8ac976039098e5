package io.augment4j.trainer.data;

import java.util.List;

/**
 * Two {@link ImageSet}s of the same image size and classes, one after the other: used to index a
 * dataset's own train and test sets with one split (test indices come after the train ones).
 */
public final class ConcatImageSet implements ImageSet {
    private final ImageSet first;
    private final ImageSet second;

    /**
     * @param first indices 0 .. first.size()-1
     * @param second the following indices
     */
    public ConcatImageSet(ImageSet first, ImageSet second) {
        if (first.height() != second.height() || first.width() != second.width()
                || first.channels() != second.channels()) {
            throw new IllegalArgumentException("the train images are " + first.height() + "x" + first.width() + "x"
                    + first.channels() + " but the test images " + second.height() + "x" + second.width() + "x"
                    + second.channels());
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public int size() {
        return first.size() + second.size();
    }

    @Override
    public int height() {
        return first.height();
    }

    @Override
    public int width() {
        return first.width();
    }

    @Override
    public int channels() {
        return first.channels();
    }

    @Override
    public List<String> classNames() {
        return first.classNames().size() >= second.classNames().size() ? first.classNames() : second.classNames();
    }

    @Override
    public int label(int index) {
        return index < first.size() ? first.label(index) : second.label(index - first.size());
    }

    @Override
    public void image(int index, float[] dst) {
        if (index < first.size()) {
            first.image(index, dst);
        } else {
            second.image(index - first.size(), dst);
        }
    }

    @Override
    public String describe(int index) {
        return index < first.size() ? first.describe(index) : second.describe(index - first.size());
    }
}
