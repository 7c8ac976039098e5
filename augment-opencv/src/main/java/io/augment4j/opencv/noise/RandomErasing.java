package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Image;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.SizeBoundParams;
import io.augment4j.api.Target;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.targets.Occluding;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;

/**
 * torchvision's {@code RandomErasing}: one rectangle whose area is a random fraction ({@code scale}) of the image
 * and whose aspect ratio h/w is drawn log-uniformly from {@code ratio}, at a uniform position, filled with a
 * constant. As torchvision, up to 10 attempts are made to find a rectangle smaller than the image; if none fits the
 * image is left unchanged (sampled height 0). Masks, boxes and keypoints are left as they are; in a pipeline, boxes
 * the rectangle hides beyond the spec's {@code targets.min_visibility} (or entirely) are dropped.
 */
public final class RandomErasing extends OpenCvTransform<RandomErasing.Region> {
    /** The sampled rectangle; {@code height == 0} means nothing is erased. Pixel positions: size-bound. */
    public record Region(int y, int x, int height, int width) implements SizeBoundParams, Occluding {
        @Override
        public java.util.List<BoundingBox> occluded() {
            return height == 0 || width == 0 ? java.util.List.of()
                    : java.util.List.of(new BoundingBox(x, y, x + width, y + height, null));
        }
    }

    private final Range scale;
    private final Range ratio;
    private final Fill fill;

    public RandomErasing(String name, Range scale, Range ratio, double[] value) {
        super(name);
        this.scale = scale;
        this.ratio = ratio;
        this.fill = new Fill(value);
    }

    @Override
    public Region sample(Sample input, Rng rng) {
        int imgH = input.image().height();
        int imgW = input.image().width();
        double area = (double) imgH * imgW;
        double logLo = Math.log(ratio.lo());
        double logHi = Math.log(ratio.hi());
        for (int attempt = 0; attempt < 10; attempt++) {
            double eraseArea = area * scale.sample(rng);
            double aspect = Math.exp(rng.uniform(logLo, logHi));
            int h = (int) Math.rint(Math.sqrt(eraseArea * aspect));
            int w = (int) Math.rint(Math.sqrt(eraseArea / aspect));
            if (!(h < imgH && w < imgW)) {
                continue;
            }
            int y = rng.nextInt(0, imgH - h);
            int x = rng.nextInt(0, imgW - w);
            return new Region(y, x, h, w);
        }
        return new Region(0, 0, 0, 0);
    }

    @Override
    protected void checkInput(Image img) {
        fill.check(name(), img);
    }

    @Override
    protected Mat process(Mat src, Region r) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            src.copyTo(dst);
            if (r.height() > 0 && r.width() > 0) {
                Cutout.fillRect(name(), dst, r.y(), r.x(), r.height(), r.width(), fill.scalar(src.channels()));
            }
        });
    }

    @Override
    public java.util.Set<Target> targets() {
        return java.util.EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Region> paramsType() {
        return Region.class;
    }
}
