package io.augment4j.api.testing;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.NoParams;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Small pure-Java transforms used only by the API's own tests. */
public final class TestTransforms implements TransformProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public List<TransformDescriptor> transforms() {
        return List.of(
                TransformDescriptor.of("add_offset", "Adds one random offset to every value (saturating).",
                        List.of(ParamSpec.ofRange("offset", Range.symmetric(20), -255, 255, "offset drawn from this range"),
                                ParamSpec.ofBoolean("per_channel", false, "draw one offset per channel")),
                        p -> new AddOffset(p.getRange("offset"), p.getBoolean("per_channel"))),
                TransformDescriptor.of("test_hflip", "Mirrors left-right (image and mask).", List.of(),
                        p -> new HFlip()),
                TransformDescriptor.of("to_tracked", "Copies the image into a close-tracking TrackedImage.", List.of(),
                        p -> new ToTracked()),
                TransformDescriptor.of("needs_all", "Takes every kind of parameter; does nothing.",
                        List.of(ParamSpec.ofInt("count", null, 1, 10, "a required count"),
                                ParamSpec.ofDouble("scale", 1.0, 0, 2, "a scale"),
                                ParamSpec.ofChoice("border", "constant", List.of("constant", "reflect"), "border mode"),
                                ParamSpec.ofRange("angle", Range.symmetric(10), -180, 180, "angle range"),
                                ParamSpec.ofRange("factor", new Range(1, 1), 0, 3, 1, "factor around 1"),
                                ParamSpec.ofDoubles("mean", List.of(0.5), 0, 1, "per-channel mean"),
                                ParamSpec.ofRange("gain", new Range(0.8, 1.2), 0, 10, 1, "a factor, torchvision style")
                                        .withScalar(io.augment4j.api.spi.RangeScalar.AROUND_CENTER_CLAMPED),
                                ParamSpec.ofRange("sigma", new Range(5, 15), 0, 100, "a noise level")
                                        .withScalar(io.augment4j.api.spi.RangeScalar.EXACT)),
                        p -> new Identity()),
                TransformDescriptor.of("test_translate", "Shifts by whole pixels (a fusable warp).",
                        List.of(ParamSpec.ofInt("limit", 2, 0, 100, "largest shift"),
                                ParamSpec.ofChoice("settings", "a", List.of("a", "b"), "warp settings key")),
                        p -> new TestTranslate(p.getInt("limit"), p.getString("settings"))),
                TransformDescriptor.of("explode", "Throws when applied.", List.of(), p -> new Explode()));
    }

    /** Adds a random offset. */
    public record AddOffset(Range range, boolean perChannel) implements Transform<AddOffset.Offsets> {
        /** Sampled offsets, one per channel. */
        public record Offsets(int[] values) {
        }

        @Override
        public Offsets sample(Sample input, Rng rng) {
            int c = input.image().channels();
            int[] v = new int[c];
            int shared = (int) Math.round(range.sample(rng));
            for (int i = 0; i < c; i++) {
                v[i] = perChannel ? (int) Math.round(range.sample(rng)) : shared;
            }
            return new Offsets(v);
        }

        @Override
        public Sample apply(Sample input, Offsets params) {
            ArrayImage img = input.image().toArrayImage();
            byte[] src = img.rawBytes();
            byte[] out = new byte[src.length];
            int c = img.channels();
            for (int i = 0; i < src.length; i++) {
                out[i] = (byte) Math.max(0, Math.min(255, (src[i] & 0xFF) + params.values()[i % c]));
            }
            return input.withImage(ArrayImage.wrapBytes(img.height(), img.width(), c, out));
        }

        @Override
        public Class<Offsets> paramsType() {
            return Offsets.class;
        }

        @Override
        public Set<Target> targets() {
            return EnumSet.allOf(Target.class);
        }
    }

    /** Horizontal flip of image and mask. */
    public static final class HFlip implements Transform<NoParams> {
        @Override
        public NoParams sample(Sample input, Rng rng) {
            return NoParams.INSTANCE;
        }

        @Override
        public Sample apply(Sample input, NoParams params) {
            Sample out = input.withImage(flip(input.image().toArrayImage()));
            return input.mask() == null ? out : out.withMask(flip(input.mask().toArrayImage()));
        }

        public static ArrayImage flip(ArrayImage img) {
            int w = img.width();
            int c = img.channels();
            byte[] src = img.rawBytes();
            byte[] out = new byte[src.length];
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < w; x++) {
                    System.arraycopy(src, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
                }
            }
            return ArrayImage.wrapBytes(img.height(), w, c, out);
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }

        @Override
        public Set<Target> targets() {
            return EnumSet.of(Target.IMAGE, Target.MASK);
        }
    }

    /** Produces a tracked "native" copy, to test that pipelines release intermediates. */
    public static final class ToTracked implements Transform<NoParams> {
        @Override
        public NoParams sample(Sample input, Rng rng) {
            return NoParams.INSTANCE;
        }

        @Override
        public Sample apply(Sample input, NoParams params) {
            return input.withImage(new TrackedImage(input.image().toArrayImage()));
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }
    }

    /** Returns its input. */
    public static final class Identity implements Transform<NoParams> {
        @Override
        public NoParams sample(Sample input, Rng rng) {
            return NoParams.INSTANCE;
        }

        @Override
        public Sample apply(Sample input, NoParams params) {
            return input;
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }
    }

    /** Fails. */
    public static final class Explode implements Transform<NoParams> {
        @Override
        public NoParams sample(Sample input, Rng rng) {
            return NoParams.INSTANCE;
        }

        @Override
        public Sample apply(Sample input, NoParams params) {
            throw new IllegalStateException("boom");
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }
    }

    /** An image standing in for a native one: counts how often it is closed. */
    public static final class TrackedImage implements Image {
        public static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();
        private final ArrayImage data;
        private int closes;

        public TrackedImage(ArrayImage data) {
            this.data = data;
            OPEN.incrementAndGet();
        }

        public int closes() {
            return closes;
        }

        @Override
        public int height() {
            return data.height();
        }

        @Override
        public int width() {
            return data.width();
        }

        @Override
        public int channels() {
            return data.channels();
        }

        @Override
        public PixelType pixelType() {
            return data.pixelType();
        }

        @Override
        public ArrayImage toArrayImage() {
            if (closes > 0) {
                throw new IllegalStateException("use after close");
            }
            return data;
        }

        @Override
        public void close() {
            if (closes++ == 0) {
                OPEN.decrementAndGet();
            }
        }
    }

    /** A random test photo-like image. */
    public static ArrayImage randomImage(int h, int w, int c, long seed) {
        Rng rng = new Rng(seed);
        byte[] b = new byte[h * w * c];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return ArrayImage.wrapBytes(h, w, c, b);
    }
}
