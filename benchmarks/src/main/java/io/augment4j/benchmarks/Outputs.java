package io.augment4j.benchmarks;

import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;

/**
 * A caller's reused output arrays: takes a pipeline's (native) output onto the heap with {@link Image#copyTo}, growing
 * its arrays only when an image needs more room, and closes the output. One per thread.
 */
final class Outputs {
    private byte[] bytes = new byte[0];
    private float[] floats = new float[0];

    /** Copies {@code out}'s image into the reused array of its type and closes {@code out} unless it is {@code in}. */
    Object take(Sample out, Sample in) {
        try {
            Image image = out.image();
            int n = image.valueCount();
            if (image.pixelType() == PixelType.UINT8) {
                if (bytes.length < n) {
                    bytes = new byte[n];
                }
                image.copyTo(bytes);
                return bytes;
            }
            if (floats.length < n) {
                floats = new float[n];
            }
            image.copyTo(floats);
            return floats;
        } finally {
            if (out != in) {
                out.close();
            }
        }
    }
}
