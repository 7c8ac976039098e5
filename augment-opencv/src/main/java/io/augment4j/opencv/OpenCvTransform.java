package io.augment4j.opencv;

import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import org.opencv.core.Mat;

/**
 * Base of the built-in transforms: reads the input image as a {@link Mat} (no copy when it is already native),
 * lets the subclass compute the output Mat, and returns it as a {@link MatImage} that the pipeline owns. Subclasses
 * implement only the pixel maths ({@link #process}) and the parameter sampling ({@link #sample}).
 *
 * @param <P> sampled parameter type
 */
public abstract class OpenCvTransform<P> implements Transform<P> {
    private final String name;

    protected OpenCvTransform(String name) {
        this.name = name;
        OpenCvRuntime.ensureLoaded();
    }

    /** The registry name, for messages. */
    public String name() {
        return name;
    }

    @Override
    public Sample apply(Sample input, P params) {
        Image img = input.image();
        checkInput(img);
        Mat out;
        try (MatSource src = MatSource.of(img)) {
            out = process(src.mat(), params);
        }
        // The new image may have another size than the old mask: riders are re-attached by applyToRiders.
        Sample base = input.mask() == null ? input : input.withMask(null);
        return applyToRiders(input, base.withImage(MatImage.own(out)), params);
    }

    /**
     * Computes the output image into a new Mat that the caller will own (take it from {@link MatPool#acquire} to
     * avoid per-call allocation). Must not modify {@code src}.
     */
    protected abstract Mat process(Mat src, P params);

    /**
     * Moves masks, boxes and keypoints along with the image. {@code output} holds the new image and the input's
     * boxes, keypoints and label, but no mask. Pixel-value transforms keep the mask as it was (the default);
     * geometric transforms override this to move it.
     */
    protected Sample applyToRiders(Sample input, Sample output, P params) {
        return input.mask() == null ? output : output.withMask(input.mask());
    }

    /** Refuses images this transform cannot take; the default accepts UINT8 and FLOAT32 with 1, 3 or 4 channels. */
    protected void checkInput(Image img) {
    }

    /** Helper for subclasses: refuse anything but the listed pixel types and channel counts. */
    protected final void require(Image img, PixelType[] types, int... channels) {
        boolean typeOk = false;
        for (PixelType t : types) {
            typeOk |= t == img.pixelType();
        }
        boolean chOk = false;
        for (int c : channels) {
            chOk |= c == img.channels();
        }
        if (!typeOk || !chOk) {
            throw new ImageFormatException("transform '" + name + "' takes " + java.util.Arrays.toString(types)
                    + " images with " + java.util.Arrays.toString(channels) + " channels, got " + img.describe());
        }
    }
}
