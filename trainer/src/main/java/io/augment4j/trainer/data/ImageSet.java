package io.augment4j.trainer.data;

import java.util.List;

/**
 * A labelled set of images of one fixed size, read by index.
 *
 * <p>Images are handed out as HWC float pixels in their stored range (0..255 for uint8
 * sources); normalization is the loader's job, not the dataset's, so that statistics can be
 * computed on the train split alone. Implementations must be safe to read from several
 * threads at once: the prefetching loader calls {@link #image} from worker threads.
 */
public interface ImageSet {

    /** @return the number of examples */
    int size();

    /** @return image height in pixels */
    int height();

    /** @return image width in pixels */
    int width();

    /** @return channels per pixel (1 grey, 3 RGB) */
    int channels();

    /** @return class names; label {@code k} names {@code classNames().get(k)} */
    List<String> classNames();

    /** @return the class index of example {@code index} */
    int label(int index);

    /**
     * Copies example {@code index} into {@code dst} as HWC floats.
     *
     * @param index example index
     * @param dst destination of length {@link #pixelCount()}
     */
    void image(int index, float[] dst);

    /**
     * Where example {@code index} comes from, for error messages (its file, when there is one).
     *
     * @param index the example
     * @return e.g. {@code data/cats/a.png}, or {@code example 17}
     */
    default String describe(int index) {
        return "example " + index;
    }

    /** @return the number of classes */
    default int numClasses() {
        return classNames().size();
    }

    /** @return floats per image: height * width * channels */
    default int pixelCount() {
        return height() * width() * channels();
    }

    /** @return all labels, in index order (used for stratified splits) */
    default int[] labels() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(i);
        }
        return out;
    }
}
