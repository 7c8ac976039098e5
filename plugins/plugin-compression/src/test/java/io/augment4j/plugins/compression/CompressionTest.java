package io.augment4j.plugins.compression;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.Sample;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionTest extends TransformProviderContract {
    @Override
    protected TransformProvider provider() {
        return new CompressionProvider();
    }

    private static ArrayImage gradient(int h, int w) {
        byte[] b = new byte[h * w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < 3; k++) {
                    // Smooth ramps plus a soft blob: photo-like content, where JPEG at high quality is near lossless.
                    double blob = 40 * Math.exp(-((x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0)) / 50.0);
                    b[(y * w + x) * 3 + k] = (byte) Math.round(30 + x * 3 + y * 2 + k * 20 + blob);
                }
            }
        }
        return ArrayImage.wrapBytes(h, w, 3, b);
    }

    private static double meanAbsDiff(ArrayImage a, ArrayImage b) {
        byte[] x = a.rawBytes();
        byte[] y = b.rawBytes();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return s / x.length;
    }

    @Nested
    class Jpeg {
        private final JpegCompression t = new JpegCompression(new Range(50, 95));

        @Test
        void lowerQualityMeansLargerError() {
            ArrayImage img = gradient(32, 48);
            double q95 = meanAbsDiff(img, t.apply(Sample.of(img), new JpegCompression.Quality(95)).image().toArrayImage());
            double q10 = meanAbsDiff(img, t.apply(Sample.of(img), new JpegCompression.Quality(10)).image().toArrayImage());
            assertTrue(q95 > 0 && q95 < 6, "q95 error " + q95);
            assertTrue(q10 > 2 * q95, "q10 " + q10 + " vs q95 " + q95);
        }

        @Test
        void alphaIsKept() {
            byte[] rgba = new byte[8 * 8 * 4];
            for (int i = 0; i < rgba.length; i++) {
                rgba[i] = (byte) (i * 13);
            }
            ArrayImage img = ArrayImage.wrapBytes(8, 8, 4, rgba);
            ArrayImage out = t.apply(Sample.of(img), new JpegCompression.Quality(50)).image().toArrayImage();
            for (int i = 3; i < rgba.length; i += 4) {
                assertEquals(rgba[i], out.rawBytes()[i]);
            }
        }

        @Test
        void floatImagesAreRefusedByName() {
            ImageFormatException e = assertThrows(ImageFormatException.class,
                    () -> t.apply(Sample.of(ArrayImage.ofFloats(2, 2, 1, new float[4])), new JpegCompression.Quality(50)));
            assertTrue(e.getMessage().contains("jpeg_compression"));
        }
    }

    @Nested
    class Down {
        @Test
        void scaleOneIsTheIdentity() {
            ArrayImage img = gradient(10, 14);
            assertEquals(img, new Downscale(new Range(1, 1)).apply(Sample.of(img), new Downscale.Scale(1)).image());
        }

        @Test
        void areaAverageOfTwoByTwoBlocks() {
            float[] src = {0, 2, 4, 6, 8, 10, 12, 14, 1, 1, 1, 1, 3, 3, 3, 3};
            assertArrayEquals(new float[] {5, 9, 2, 2}, Downscale.shrink(src, 4, 4, 1, 2, 2));
        }

        @Test
        void constantImagesStayConstant() {
            byte[] b = new byte[9 * 11 * 3];
            java.util.Arrays.fill(b, (byte) 77);
            ArrayImage img = ArrayImage.wrapBytes(9, 11, 3, b);
            assertEquals(img, new Downscale(new Range(0.3, 0.3)).apply(Sample.of(img), new Downscale.Scale(0.3)).image());
        }
    }
}
