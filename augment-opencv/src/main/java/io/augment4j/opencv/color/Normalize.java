package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.NoParams;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Albumentations' {@code Normalize}: {@code out = (x / maxPixelValue - mean[c]) / std[c]}, always FLOAT32. A single
 * mean or std value applies to every channel; otherwise there must be one value per channel (alpha included).
 * UINT8 input is one LUT pass through a per-channel 256-entry float table computed in double precision (so the
 * result is the formula rounded once to float); FLOAT32 input is one {@code scale * x + offset} pass.
 */
public final class Normalize extends OpenCvTransform<NoParams> {
    private final double[] mean;
    private final double[] std;
    private final double maxPixelValue;
    private final float[][] tables = new float[5][];

    /** {@code mean} and {@code std} hold 1 value or one per channel; checked by the descriptor's factory. */
    public Normalize(String name, double[] mean, double[] std, double maxPixelValue) {
        super(name);
        this.mean = mean.clone();
        this.std = std.clone();
        this.maxPixelValue = maxPixelValue;
        for (int cn : new int[] {1, 3, 4}) {
            if (fits(cn)) {
                float[] t = new float[256 * cn];
                for (int v = 0; v < 256; v++) {
                    for (int c = 0; c < cn; c++) {
                        t[v * cn + c] = (float) ((v / maxPixelValue - at(mean, c)) / at(std, c));
                    }
                }
                tables[cn] = t;
            }
        }
    }

    private static double at(double[] a, int c) {
        return a.length == 1 ? a[0] : a[c];
    }

    private boolean fits(int cn) {
        return (mean.length == 1 || mean.length == cn) && (std.length == 1 || std.length == cn);
    }

    @Override
    public NoParams sample(Sample input, Rng rng) {
        return NoParams.INSTANCE;
    }

    @Override
    protected void checkInput(Image img) {
        if (!fits(img.channels())) {
            throw new ImageFormatException("transform '" + name() + "' has mean " + Arrays.toString(mean) + " and std "
                    + Arrays.toString(std) + " but the image has " + img.channels()
                    + " channels; give one value or one per channel");
        }
    }

    @Override
    protected Mat process(Mat src, NoParams params) {
        int cn = src.channels();
        if (!fits(cn)) {
            throw new ImageFormatException("transform '" + name() + "': " + mean.length + " mean / " + std.length
                    + " std values do not fit a " + cn + "-channel image");
        }
        if (src.depth() == CvType.CV_8U) {
            Mat dst = MatPool.acquire(src.rows(), src.cols(), CvType.CV_32FC(cn));
            Mat lut = MatPool.acquire(1, 256, CvType.CV_32FC(cn));
            try {
                lut.put(0, 0, tables[cn]);
                Core.LUT(src, lut, dst);
                return dst;
            } catch (RuntimeException e) {
                MatPool.recycle(dst);
                throw e;
            } finally {
                MatPool.recycle(lut);
            }
        }
        double[] scale = new double[cn];
        double[] offset = new double[cn];
        for (int c = 0; c < cn; c++) {
            scale[c] = 1.0 / (maxPixelValue * at(std, c));
            offset[c] = -at(mean, c) / at(std, c);
        }
        return ColorOps.affinePerChannel(src, scale, offset);
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<NoParams> paramsType() {
        return NoParams.class;
    }
}
