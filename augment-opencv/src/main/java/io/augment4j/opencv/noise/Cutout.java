package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.SizeBoundParams;
import io.augment4j.api.Target;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.targets.Occluding;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Cutout (DeVries and Taylor), as the baseline: {@code numHoles} rectangles of {@code round(h * size) x round(w *
 * size)} pixels at uniformly drawn positions fully inside the image (they may overlap) are filled with a constant.
 * Masks, boxes and keypoints are left as they are (as Albumentations' CoarseDropout does by default); in a pipeline,
 * boxes the holes hide beyond the spec's {@code targets.min_visibility} (or entirely) are dropped.
 */
public final class Cutout extends OpenCvTransform<Cutout.Holes> {
    /**
     * The sampled holes: all {@code height x width} pixels; hole {@code i} has its top-left corner at
     * {@code (ys[i], xs[i])}. Pixel positions: size-bound.
     */
    public record Holes(int height, int width, int[] ys, int[] xs) implements SizeBoundParams, Occluding {
        @Override
        public java.util.List<BoundingBox> occluded() {
            java.util.List<BoundingBox> out = new java.util.ArrayList<>();
            for (int i = 0; height > 0 && width > 0 && i < ys.length; i++) {
                out.add(new BoundingBox(xs[i], ys[i], xs[i] + width, ys[i] + height, null));
            }
            return out;
        }
    }

    private final int numHoles;
    private final double size;
    private final Fill fill;

    public Cutout(String name, int numHoles, double size, double[] fill) {
        super(name);
        this.numHoles = numHoles;
        this.size = size;
        this.fill = new Fill(fill);
    }

    @Override
    public Holes sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int hh = (int) Math.rint(h * size);
        int ww = (int) Math.rint(w * size);
        int[] ys = new int[numHoles];
        int[] xs = new int[numHoles];
        for (int i = 0; i < numHoles; i++) {
            ys[i] = rng.nextInt(0, h - hh);
            xs[i] = rng.nextInt(0, w - ww);
        }
        return new Holes(hh, ww, ys, xs);
    }

    @Override
    protected void checkInput(Image img) {
        fill.check(name(), img);
    }

    @Override
    protected Mat process(Mat src, Holes p) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            src.copyTo(dst);
            if (p.height() > 0 && p.width() > 0) {
                var color = fill.scalar(src.channels());
                for (int i = 0; i < p.ys().length; i++) {
                    fillRect(name(), dst, p.ys()[i], p.xs()[i], p.height(), p.width(), color);
                }
            }
        });
    }

    /** Fills the rectangle exactly (a filled axis-aligned {@code rectangle}), refusing one outside the image. */
    static void fillRect(String name, Mat dst, int y, int x, int h, int w, org.opencv.core.Scalar color) {
        if (y < 0 || x < 0 || y + h > dst.rows() || x + w > dst.cols()) {
            throw new ImageFormatException("transform '" + name + "': a " + h + "x" + w + " region at (" + y + ", "
                    + x + ") does not fit a " + dst.rows() + "x" + dst.cols() + " image (parameters drawn for "
                    + "another size?)");
        }
        Imgproc.rectangle(dst, new Rect(x, y, w, h), color, Imgproc.FILLED);
    }

    @Override
    public java.util.Set<Target> targets() {
        return java.util.EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Holes> paramsType() {
        return Holes.class;
    }
}
