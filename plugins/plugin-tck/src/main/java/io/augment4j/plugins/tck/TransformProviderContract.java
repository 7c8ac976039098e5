package io.augment4j.plugins.tck;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.ParamValidator;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.ParamType;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The plugin test kit: extend this class in your plugin's tests, return your provider from {@link #provider()}, and
 * JUnit checks every transform it contributes against the contract augment4j relies on. Each transform gets those
 * of these checks that apply to it (all but the fourth to seventh always do), each a test of its own named
 * {@code "<transform>: <check>"} (e.g. {@code "acme.vignette: builds from defaults"}), the name Surefire's XML
 * report and console give it:
 * <ol>
 *   <li><b>schema is complete and valid</b>: snake_case name, a doc line, every parameter documented once, defaults
 *       in canonical form;
 *   <li><b>builds from defaults</b>: and from {@link #exampleParams} for required parameters;
 *   <li><b>same seed, same output; input untouched; valid output</b>: bit for bit; images a transform cannot take
 *       are refused with an {@link AugmentException} naming the transform, never another exception;
 *   <li><b>keeps the image size</b>: only for transforms whose descriptor declares
 *       {@link OutputSize#SAME_AS_INPUT} (the default): the output has the input's height and width;
 *   <li><b>a mask follows the image</b>: only for transforms that claim {@link Target#MASK}: given an image with a
 *       mask, the output keeps a one-channel mask of the output image's size, and the image comes out as it does
 *       without a mask;
 *   <li><b>boxes follow the image</b>: only for transforms that claim {@link Target#BOXES}: the box of a white
 *       square still encloses its pixels after the transform (judged on the mask when masks are claimed too);
 *   <li><b>keypoints follow the image</b>: only for transforms that claim {@link Target#KEYPOINTS}: a keypoint on a
 *       bright dot stays within 1 px of the dot;
 *   <li><b>thread-safe</b>: eight threads sharing one instance reproduce the single-threaded output;
 *   <li><b>spec round trip and replay</b>: a spec of the transform survives a YAML round trip, and a recorded run
 *       replays exactly from JSON;
 *   <li><b>out-of-range parameters are refused</b>: with a {@link ParameterException} naming the parameter.
 * </ol>
 * <pre>{@code
 * class MyPluginContractTest extends TransformProviderContract {
 *     protected TransformProvider provider() { return new MyProvider(); }
 * }
 * }</pre>
 */
public abstract class TransformProviderContract {
    /** The provider under test. */
    protected abstract TransformProvider provider();

    /**
     * Parameter values to use for {@code transform} in the checks; the defaults fill in the rest. Override to give
     * required parameters or a stronger setting (the default supplies a value for each required parameter).
     */
    protected Map<String, Object> exampleParams(TransformDescriptor transform) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : transform.params()) {
            if (p.required()) {
                out.put(p.name(), exampleValue(p));
            }
        }
        return out;
    }

    /** The images every transform is tried on; a transform may refuse some with an {@link AugmentException}. */
    protected List<ArrayImage> inputs() {
        return List.of(image(24, 32, 3, PixelType.UINT8, 1), image(24, 32, 1, PixelType.UINT8, 2),
                image(24, 32, 4, PixelType.UINT8, 3), image(24, 32, 3, PixelType.FLOAT32, 4));
    }

    /** Number of seeds each behavioural check runs. */
    protected int seeds() {
        return 8;
    }

    /** The checks, in the order they run for each transform; {@link #applies} says which a transform gets. */
    enum Check {
        SCHEMA("schema is complete and valid"),
        BUILDS("builds from defaults"),
        DETERMINISM("same seed, same output; input untouched; valid output"),
        SIZE("keeps the image size"),
        MASK("a mask follows the image"),
        BOXES("boxes follow the image"),
        KEYPOINTS("keypoints follow the image"),
        THREADS("thread-safe"),
        ROUND_TRIP("spec round trip and replay"),
        OUT_OF_RANGE("out-of-range parameters are refused");

        final String phrase;

        Check(String phrase) {
            this.phrase = phrase;
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyTransformHonoursTheContract() {
        TransformProvider provider = provider();
        assertEquals(TransformProvider.SPI_VERSION, provider.spiVersion(),
                "spiVersion() must return TransformProvider.SPI_VERSION as compiled against");
        List<TransformDescriptor> descriptors = provider.transforms();
        assertFalse(descriptors.isEmpty(), "the provider contributes no transforms");
        TransformRegistry registry = TransformRegistry.of(provider);
        // A source that is neither a class nor a method: Surefire then reports each check by its display name
        // ("acme.vignette: builds from defaults") instead of "everyTransformHonoursTheContract()[1][2]".
        URI source = URI.create("classpath:/" + provider.getClass().getName().replace('.', '/') + ".class");
        return descriptors.stream().map(d -> DynamicContainer.dynamicContainer(d.name(),
                Stream.of(Check.values()).filter(c -> applies(c, registry, d))
                        .map(c -> DynamicTest.dynamicTest(d.name() + ": " + c.phrase, source, () -> run(c, registry, d)))));
    }

    /**
     * The names of the checks this contract runs on {@link #provider()}, e.g. {@code acme.vignette: builds from
     * defaults}, in the order they run: for documentation that gives their number, and tests that keep it true.
     */
    protected final List<String> checkNames() {
        TransformRegistry registry = TransformRegistry.of(provider());
        List<String> out = new ArrayList<>();
        for (TransformDescriptor d : provider().transforms()) {
            for (Check c : Check.values()) {
                if (applies(c, registry, d)) {
                    out.add(d.name() + ": " + c.phrase);
                }
            }
        }
        return out;
    }

    /** Whether {@code check} is one of the checks {@code d} gets. */
    boolean applies(Check check, TransformRegistry registry, TransformDescriptor d) {
        return switch (check) {
            case SIZE -> d.outputSize() == OutputSize.SAME_AS_INPUT;
            case MASK -> claims(registry, d, Target.MASK);
            case BOXES -> claims(registry, d, Target.BOXES);
            case KEYPOINTS -> claims(registry, d, Target.KEYPOINTS);
            default -> true;
        };
    }

    /** True when the transform says it handles {@code target}, or cannot be built to say (its build check fails). */
    private boolean claims(TransformRegistry registry, TransformDescriptor d, Target target) {
        try {
            return build(registry, d).targets().contains(target);
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    private void run(Check check, TransformRegistry registry, TransformDescriptor d) throws Exception {
        switch (check) {
            case SCHEMA -> checkSchema(d);
            case BUILDS -> assertNotNull(registry.create(d.name(), exampleParams(d)));
            case DETERMINISM -> checkDeterminism(registry, d);
            case SIZE -> checkSize(registry, d);
            case MASK -> checkMask(registry, d);
            case BOXES -> TargetChecks.checkBoxes(d.name(), build(registry, d), seeds());
            case KEYPOINTS -> TargetChecks.checkKeypoints(d.name(), build(registry, d), seeds());
            case THREADS -> checkThreads(registry, d);
            case ROUND_TRIP -> checkRoundTrip(registry, d);
            case OUT_OF_RANGE -> checkOutOfRange(registry, d);
        }
    }

    private void checkSchema(TransformDescriptor d) {
        assertTrue(d.name().matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*"), "name '" + d.name() + "' must be snake_case");
        assertFalse(d.doc() == null || d.doc().isBlank(), d.name() + ": the doc line is empty");
        List<String> seen = new ArrayList<>();
        for (ParamSpec p : d.params()) {
            assertFalse(seen.contains(p.name()), d.name() + ": parameter '" + p.name() + "' declared twice");
            seen.add(p.name());
            assertFalse(p.doc().isBlank(), d.name() + ": parameter '" + p.name() + "' has no doc");
            if (!p.required()) {
                Object canonical = ParamValidator.convert(d.name(), p, toRaw(p.defaultValue()));
                assertEquals(canonical, p.defaultValue(), d.name() + ": default of '" + p.name()
                        + "' is not in canonical form (use Double for numbers, Range for ranges, List<Double> for lists)");
            }
        }
    }

    private static Object toRaw(Object canonical) {
        if (canonical instanceof io.augment4j.api.spi.Range r) {
            return List.of(r.lo(), r.hi());
        }
        return canonical;
    }

    private Transform<?> build(TransformRegistry registry, TransformDescriptor d) {
        return registry.create(d.name(), exampleParams(d));
    }

    @SuppressWarnings("unchecked")
    private static Sample applyOnce(Transform<?> t, Sample in, long seed) {
        Transform<Object> tt = (Transform<Object>) t;
        Object params = tt.sample(in, new Rng(seed));
        Sample out = tt.apply(in, params);
        Sample heap = out.toArrayImages(in);
        return heap;
    }

    /** Applies, or returns null when the transform refuses this input properly. */
    private static Sample applyOrRefuse(String name, Transform<?> t, Sample in, long seed) {
        try {
            return applyOnce(t, in, seed);
        } catch (AugmentException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(name),
                    name + ": a refusal must name the transform: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError(name + ": a " + in.image().describe() + " input must be handled or refused with an "
                    + "AugmentException, but " + e + " was thrown", e);
        }
    }

    /** Applies, or returns null for an input the transform does not take; the determinism check judges refusals. */
    private static Sample applyIfTaken(Transform<?> t, Sample in, long seed) {
        try {
            return applyOnce(t, in, seed);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void checkDeterminism(TransformRegistry registry, TransformDescriptor d) {
        Transform<?> t = build(registry, d);
        int accepted = 0;
        for (ArrayImage img : inputs()) {
            byte[] before = img.pixelType() == PixelType.UINT8 ? img.copyBytes() : null;
            float[] beforeF = img.pixelType() == PixelType.FLOAT32 ? img.copyFloats() : null;
            for (long seed = 0; seed < seeds(); seed++) {
                Sample a = applyOrRefuse(d.name(), t, Sample.of(img), seed);
                if (a == null) {
                    break;
                }
                Sample b = applyOnce(t, Sample.of(img), seed);
                assertEquals(a, b, d.name() + ": seed " + seed + " gave two different outputs on " + img.describe());
                Image out = a.image();
                assertTrue(Image.isSupportedChannelCount(out.channels()), d.name() + ": output has " + out.channels()
                        + " channels");
                assertTrue(out.height() > 0 && out.width() > 0, d.name() + ": empty output");
                if (seed == 0) {
                    accepted++;
                }
            }
            if (before != null) {
                assertArrayEquals(before, img.rawBytes(), d.name() + " modified its input");
            } else {
                assertArrayEquals(beforeF, img.rawFloats(), d.name() + " modified its input");
            }
        }
        assertTrue(accepted > 0, d.name() + " refused every test input: it must take at least one of "
                + inputs().stream().map(ArrayImage::describe).toList());
    }

    private void checkSize(TransformRegistry registry, TransformDescriptor d) {
        Transform<?> t = build(registry, d);
        for (ArrayImage img : inputs()) {
            for (long seed = 0; seed < seeds(); seed++) {
                Sample out = applyIfTaken(t, Sample.of(img), seed);
                if (out == null) {
                    break;
                }
                Image o = out.image();
                if (o.height() != img.height() || o.width() != img.width()) {
                    contractViolation(d.name() + ": seed " + seed + " turned a " + img.describe() + " image into "
                            + o.height() + "x" + o.width() + ", but the descriptor declares OutputSize.SAME_AS_INPUT;"
                            + " a transform that changes the size declares .withOutputSize(OutputSize.MAY_CHANGE)");
                }
            }
        }
    }

    private void checkMask(TransformRegistry registry, TransformDescriptor d) {
        Transform<?> t = build(registry, d);
        for (ArrayImage img : inputs()) {
            ArrayImage mask = maskFor(img);
            for (long seed = 0; seed < seeds(); seed++) {
                Sample plain = applyIfTaken(t, Sample.of(img), seed);
                if (plain == null) {
                    break;
                }
                Sample out;
                try {
                    out = applyOnce(t, Sample.of(img).withMask(mask), seed);
                } catch (RuntimeException e) {
                    throw new AssertionError(d.name() + " claims masks (Target.MASK) but failed on a " + img.describe()
                            + " image with a " + mask.describe() + " mask, which it takes without one: " + e, e);
                }
                Image m = out.mask();
                if (m == null) {
                    contractViolation(d.name() + " claims masks (Target.MASK) but dropped the mask of a "
                            + img.describe() + " image");
                }
                assertEquals(out.image().height() + "x" + out.image().width(), m.height() + "x" + m.width(),
                        d.name() + ": the mask must have the output image's size");
                assertEquals(1, m.channels(), d.name() + ": a one-channel mask must stay one channel");
                assertEquals(PixelType.UINT8, m.pixelType(), d.name() + ": a uint8 mask must stay uint8");
                assertEquals(plain.image(), out.image(), d.name() + ": seed " + seed + " gave another image when a"
                        + " mask rode along; the mask must not change what happens to the image");
            }
        }
    }

    /** A one-channel label mask of blocks 0..3, the size of {@code img}. */
    private static ArrayImage maskFor(ArrayImage img) {
        byte[] labels = new byte[img.height() * img.width()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                labels[y * img.width() + x] = (byte) ((y / 4 + x / 4) % 4);
            }
        }
        return ArrayImage.wrapBytes(img.height(), img.width(), 1, labels);
    }

    private void checkThreads(TransformRegistry registry, TransformDescriptor d) throws Exception {
        Pipeline pipeline = Pipeline.compile(PipelineSpec.of(Node.step(d.name(), exampleParams(d))).withSeed(3L), registry);
        Sample in = firstAccepted(registry, d);
        if (in == null) {
            return;
        }
        int n = 64;
        List<Sample> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(pipeline.apply(in, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                int idx = i;
                futures.add(pool.submit(() -> pipeline.apply(in, idx)));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(n - 1 - i), futures.get(i).get(), d.name() + ": sample " + (n - 1 - i)
                        + " differs when run on another thread");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Sample firstAccepted(TransformRegistry registry, TransformDescriptor d) {
        Transform<?> t = build(registry, d);
        for (ArrayImage img : inputs()) {
            if (applyOrRefuse(d.name(), t, Sample.of(img), 0) != null) {
                return Sample.of(img);
            }
        }
        return null;
    }

    private void checkRoundTrip(TransformRegistry registry, TransformDescriptor d) {
        PipelineSpec spec = PipelineSpec.of(Node.step(d.name(), exampleParams(d)).withP(0.9)).withSeed(5L);
        PipelineSpec back = Specs.parse(Specs.toYaml(spec), d.name() + ".yaml", registry);
        assertEquals(spec, back, d.name() + ": YAML round trip changed the spec:\n" + Specs.toYaml(spec));
        Sample in = firstAccepted(registry, d);
        if (in == null) {
            return;
        }
        Pipeline pipeline = Pipeline.compile(back, registry);
        for (int i = 0; i < seeds(); i++) {
            Applied a = pipeline.applyRecorded(in, i);
            String json = pipeline.replayToJson(a.replay());
            assertEquals(a.sample(), pipeline.replay(in, pipeline.replayFromJson(json)),
                    d.name() + ": replay from " + json + " does not re-create the output");
        }
    }

    private void checkOutOfRange(TransformRegistry registry, TransformDescriptor d) {
        for (ParamSpec p : d.params()) {
            Object bad = outOfRange(p);
            if (bad == null) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>(exampleParams(d));
            params.put(p.name(), bad);
            ParameterException e = assertThrows(ParameterException.class, () -> registry.create(d.name(), params),
                    d.name() + ": " + p.name() + " = " + bad + " should be refused");
            assertEquals(p.name(), e.parameter());
        }
        Map<String, Object> unknown = new LinkedHashMap<>(exampleParams(d));
        unknown.put("no_such_parameter", 1);
        assertThrows(ParameterException.class, () -> registry.create(d.name(), unknown));
    }

    private static Object outOfRange(ParamSpec p) {
        return switch (p.type()) {
            case INT -> p.max() < Integer.MAX_VALUE ? (Object) ((int) p.max() + 1) : null;
            case DOUBLE, DOUBLES -> Double.isFinite(p.max()) && p.max() < Double.MAX_VALUE ? (Object) (p.max() + 1) : null;
            case RANGE -> Double.isFinite(p.max()) && p.max() < Double.MAX_VALUE ? List.of(p.max(), p.max() + 1) : null;
            case CHOICE -> "not_a_choice_" + p.choices().size();
            case BOOLEAN -> "maybe";
        };
    }

    private static Object exampleValue(ParamSpec p) {
        if (p.type() == ParamType.CHOICE) {
            return p.choices().get(0);
        }
        if (p.type() == ParamType.BOOLEAN) {
            return Boolean.TRUE;
        }
        double lo = Double.isFinite(p.min()) ? p.min() : Math.min(0, p.max());
        double hi = Double.isFinite(p.max()) ? p.max() : lo + 1;
        double mid = (lo + hi) / 2;
        return switch (p.type()) {
            case INT -> (int) Math.round(mid);
            case RANGE -> List.of(lo, mid);
            case DOUBLES -> List.of(mid);
            default -> mid;
        };
    }

    private static ArrayImage image(int h, int w, int c, PixelType type, long seed) {
        Rng rng = new Rng(seed);
        if (type == PixelType.UINT8) {
            byte[] b = new byte[h * w * c];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) rng.nextInt(256);
            }
            return ArrayImage.wrapBytes(h, w, c, b);
        }
        float[] f = new float[h * w * c];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (rng.nextDouble() * 255);
        }
        return ArrayImage.wrapFloats(h, w, c, f);
    }

    /** Fails with a message; for subclasses that add checks of their own. */
    protected static void contractViolation(String message) {
        fail(message);
    }
}
