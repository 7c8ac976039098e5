package io.augment4j.opencv;

import io.augment4j.api.Image;
import org.opencv.core.Mat;

/**
 * Read access to any {@link Image} as a {@link Mat}: a {@link MatImage}'s own Mat (no copy), or a temporary native
 * copy of a heap image that {@link #close()} releases. Transforms read their input through it, so the heap-to-native
 * copy happens once, at the first OpenCV step of a pipeline.
 */
public final class MatSource implements AutoCloseable {
    private final Mat mat;
    private final MatImage temporary;

    private MatSource(Mat mat, MatImage temporary) {
        this.mat = mat;
        this.temporary = temporary;
    }

    /** Borrows {@code image} as a Mat. */
    public static MatSource of(Image image) {
        if (image instanceof MatImage m) {
            return new MatSource(m.mat(), null);
        }
        MatImage copy = MatImage.copyOf(image);
        return new MatSource(copy.mat(), copy);
    }

    /** The Mat; read-only by contract (it may be the caller's image). */
    public Mat mat() {
        return mat;
    }

    @Override
    public void close() {
        if (temporary != null) {
            temporary.close();
        }
    }
}
