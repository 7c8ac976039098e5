package io.augment4j.examples;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.RangeScalar;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Example: write a transform of your own, register it in code, and use it by name in a spec.
 *
 * <p>A transform has two halves: {@code sample} draws the random parameters into a small record, {@code apply} is a
 * pure function of the input and that record. The split is what gives replay (the record is saved as JSON), masks
 * that follow the image, and reproducible runs on any number of threads. A {@link TransformProvider} describes the
 * transform (name, doc, parameters with defaults and ranges); the registry validates every spec against that
 * description, so the transform never checks its own parameters.
 *
 * <p>To ship the transform as a plugin jar instead, list the provider in
 * {@code META-INF/services/io.augment4j.api.spi.TransformProvider} (see {@code plugins/template}); then
 * {@code TransformRegistry.discover()} and {@code aug --plugins DIR} find it. Test it with the plugin test kit:
 * extend {@code io.augment4j.plugins.tck.TransformProviderContract} (see {@code CustomTransformContractTest}).
 *
 * <pre>
 * java -cp "samples/target/samples-0.1.0-SNAPSHOT.jar:samples/target/lib/*" io.augment4j.examples.CustomTransform
 * </pre>
 */
public final class CustomTransform {

    private CustomTransform() {}

    /** Darkens the corners: each colour value is scaled by {@code 1 - strength * (distance / half-diagonal)^2}. */
    public static final class Vignette implements Transform<Vignette.Drawn> {
        /** What {@link #sample} drew: a record, so replay can store it as JSON. */
        public record Drawn(double strength) {}

        private final Range strength;

        Vignette(Range strength) {
            this.strength = strength; // immutable: one instance serves every thread
        }

        @Override
        public Drawn sample(Sample input, Rng rng) {
            return new Drawn(strength.sample(rng)); // every random number comes from rng
        }

        @Override
        public Sample apply(Sample input, Drawn p) {
            ArrayImage in = input.image().toArrayImage();
            int h = in.height();
            int w = in.width();
            int c = in.channels();
            float[] px = in.toFloatArray(); // a copy: never write into the input
            double cy = (h - 1) / 2.0;
            double cx = (w - 1) / 2.0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / Math.max(1e-9, cx * cx + cy * cy);
                    for (int k = 0; k < (c == 4 ? 3 : c); k++) { // alpha stays as it is
                        px[(y * w + x) * c + k] *= (float) (1 - p.strength() * d2);
                    }
                }
            }
            ArrayImage out = ArrayImage.wrapFloats(h, w, c, px);
            return input.withImage(in.pixelType() == PixelType.UINT8 ? out.toUint8() : out); // keep the pixel type
        }

        @Override
        public Class<Drawn> paramsType() {
            return Drawn.class;
        }

        /** Only colours change, so a mask, boxes and keypoints stay valid: accept them all. */
        @Override
        public Set<Target> targets() {
            return EnumSet.allOf(Target.class);
        }
    }

    /** Describes {@code my.vignette} to the registry: name, doc, parameters, and how to build it. */
    public static final class Provider implements TransformProvider {
        @Override
        public int spiVersion() {
            return SPI_VERSION; // compiled in: records the SPI version this provider was built against
        }

        @Override
        public List<TransformDescriptor> transforms() {
            return List.of(TransformDescriptor.of("my.vignette", "Darkens the corners of the image.",
                    // A range drawn per image; one number v means exactly v (strength=0.5 is [0.5, 0.5]).
                    List.of(ParamSpec.ofRange("strength", new Range(0.2, 0.6), 0, 1, "how dark the corners get")
                            .withScalar(RangeScalar.EXACT)),
                    params -> new Vignette(params.getRange("strength"))));
        }
    }

    public static void main(String[] args) {
        ArrayImage out = run("hflip | my.vignette(strength=0.5)", 0);
        System.out.printf("%dx%d gray 200 image: centre %.0f, corner %.0f%n", out.width(), out.height(),
                out.get(out.height() / 2, out.width() / 2, 0), out.get(0, 0, 0));
    }

    /**
     * Builds a registry of the built-in transforms plus {@code my.vignette}, parses {@code inlineSpec} with it, and
     * applies the pipeline to a uniformly gray (200) 33x33 RGB image as sample {@code index}.
     */
    public static ArrayImage run(String inlineSpec, long index) {
        // The registry: what the class path provides (the built-in OpenCV transforms, plugins) plus our provider.
        TransformRegistry registry = TransformRegistry.builder()
                .discover(CustomTransform.class.getClassLoader())
                .add(new Provider())
                .build();
        // Names, parameters and ranges are checked here, with messages pointing at the column.
        Pipeline pipeline = Pipeline.compile(InlineSpecs.parse(inlineSpec, registry), registry);

        byte[] gray = new byte[33 * 33 * 3];
        Arrays.fill(gray, (byte) 200);
        return pipeline.apply(Sample.of(ArrayImage.wrapBytes(33, 33, 3, gray)), index).image().toArrayImage();
    }
}
