package io.augment4j.plugins.tck;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The kit must pass a well-behaved provider and catch each kind of broken one. */
class TransformProviderContractTest {

    /** Copies its input and sets one value, or breaks the contract in the chosen way. */
    record Probe(String fault, boolean masks) implements Transform<Probe.Draw> {
        record Draw(int value) {
        }

        @Override
        public Draw sample(Sample input, Rng rng) {
            return new Draw(fault.equals("random") ? (int) (Math.random() * 1000) : rng.nextInt(100));
        }

        @Override
        public Sample apply(Sample input, Draw params) {
            ArrayImage img = input.image().toArrayImage();
            if (fault.equals("gray_npe") && img.channels() == 1) {
                throw new NullPointerException();
            }
            if (img.pixelType() != PixelType.UINT8) {
                return input;
            }
            if (fault.equals("mutate")) {
                img.rawBytes()[0]++;
            }
            byte[] out = img.copyBytes();
            out[0] = (byte) params.value();
            if (fault.equals("mask_changes_image") && input.mask() != null) {
                out[1] = 7;
            }
            ArrayImage result = ArrayImage.wrapBytes(img.height(), img.width(), img.channels(), out);
            if (fault.startsWith("crop")) {
                result = narrower(result);
            }
            if (fault.equals("flip_leaves_targets")) {
                // Mirrors image and mask but forgets the boxes and keypoints it claims.
                Sample flipped = input.withImage(mirrored(result));
                return input.mask() == null ? flipped : flipped.withMask(mirrored(input.mask().toArrayImage()));
            }
            // The sample's other parts ride along, unless the fault drops them.
            return fault.equals("drop_mask") ? Sample.of(result) : input.withImage(result);
        }

        /** The image mirrored left-right. */
        private static ArrayImage mirrored(ArrayImage img) {
            int w = img.width();
            int c = img.channels();
            byte[] src = img.rawBytes();
            byte[] out = new byte[src.length];
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < w; x++) {
                    System.arraycopy(src, (y * w + x) * c, out, (y * w + w - 1 - x) * c, c);
                }
            }
            return ArrayImage.wrapBytes(img.height(), w, c, out);
        }

        /** The image one column narrower, without the mask following. */
        private static ArrayImage narrower(ArrayImage img) {
            int w = img.width() - 1;
            int c = img.channels();
            byte[] src = img.rawBytes();
            byte[] out = new byte[img.height() * w * c];
            for (int y = 0; y < img.height(); y++) {
                System.arraycopy(src, y * img.width() * c, out, y * w * c, w * c);
            }
            return ArrayImage.wrapBytes(img.height(), w, c, out);
        }

        @Override
        public Set<Target> targets() {
            if (fault.equals("targets") || fault.equals("flip_leaves_targets")) {
                return EnumSet.allOf(Target.class);
            }
            return masks ? EnumSet.of(Target.IMAGE, Target.MASK) : EnumSet.of(Target.IMAGE);
        }

        @Override
        public Class<Draw> paramsType() {
            return Draw.class;
        }
    }

    static TransformProvider providerOf(String fault, String doc) {
        return providerOf(fault, doc, false, OutputSize.SAME_AS_INPUT);
    }

    static TransformProvider providerOf(String fault, String doc, boolean masks, OutputSize size) {
        return new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("probe", doc,
                        List.of(ParamSpec.ofInt("strength", 1, 0, 10, "how strong")), p -> new Probe(fault, masks))
                        .withOutputSize(size));
            }
        };
    }

    static class Good extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("none", "Copies the image and sets one value.");
        }
    }

    static class GoodWithMasks extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("none", "Copies the image and sets one value; the mask rides along.", true,
                    OutputSize.SAME_AS_INPUT);
        }
    }

    static class GoodWithAllTargets extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("targets", "Sets one value; mask, boxes and keypoints ride along unchanged.");
        }
    }

    static class FlipLeavesTargets extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("flip_leaves_targets", "Mirrors image and mask, claims boxes and keypoints too.");
        }
    }

    static class CropDeclared extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("crop", "Drops the last column.", false, OutputSize.MAY_CHANGE);
        }
    }

    static class Random extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("random", "Draws from Math.random.");
        }
    }

    static class Mutating extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("mutate", "Writes into its input.");
        }
    }

    static class Crashing extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("gray_npe", "Crashes on gray images.");
        }
    }

    static class Undocumented extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("none", " ");
        }
    }

    static class CropUndeclared extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("crop", "Drops the last column but says it keeps the size.");
        }
    }

    static class CropLeavesMaskBehind extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("crop", "Claims masks but crops only the image.", true, OutputSize.MAY_CHANGE);
        }
    }

    static class DropsMask extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("drop_mask", "Claims masks but drops them.", true, OutputSize.SAME_AS_INPUT);
        }
    }

    static class MaskChangesImage extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("mask_changes_image", "Does something else when a mask is present.", true,
                    OutputSize.SAME_AS_INPUT);
        }
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> names(Stream<Event> events) {
        return events.map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    private static List<String> expected(TransformProviderContract.Check... checks) {
        return Stream.of(checks).map(c -> "probe: " + c.phrase).toList();
    }

    @Test
    void aWellBehavedProviderPassesEveryCheckThatAppliesToIt() {
        Events good = run(Good.class);
        assertEquals(0, good.failed().count());
        assertEquals(expected(TransformProviderContract.Check.SCHEMA, TransformProviderContract.Check.BUILDS,
                TransformProviderContract.Check.DETERMINISM, TransformProviderContract.Check.SIZE,
                TransformProviderContract.Check.THREADS, TransformProviderContract.Check.ROUND_TRIP,
                TransformProviderContract.Check.OUT_OF_RANGE), names(good.succeeded().stream()));

        Events withMasks = run(GoodWithMasks.class);
        assertEquals(0, withMasks.failed().count());
        assertEquals(expected(TransformProviderContract.Check.SCHEMA, TransformProviderContract.Check.BUILDS,
                TransformProviderContract.Check.DETERMINISM, TransformProviderContract.Check.SIZE,
                TransformProviderContract.Check.MASK, TransformProviderContract.Check.THREADS,
                TransformProviderContract.Check.ROUND_TRIP, TransformProviderContract.Check.OUT_OF_RANGE),
                names(withMasks.succeeded().stream()));

        Events all = run(GoodWithAllTargets.class);
        assertEquals(0, all.failed().count());
        assertEquals(expected(TransformProviderContract.Check.values()), names(all.succeeded().stream()),
                "a size-keeping transform that claims every target gets every check");

        Events crop = run(CropDeclared.class);
        assertEquals(0, crop.failed().count());
        assertEquals(6, crop.succeeded().count(), "no size check for a declared crop, no mask check without masks");
    }

    private static List<String> failedChecks(Class<?> contract) {
        return names(run(contract).failed().stream().sorted((a, b) ->
                a.getTestDescriptor().getDisplayName().compareTo(b.getTestDescriptor().getDisplayName())));
    }

    @Test
    void eachKindOfBrokenProviderIsCaught() {
        String determinism = "probe: same seed, same output; input untouched; valid output";
        assertEquals(List.of(determinism, "probe: thread-safe"), failedChecks(Random.class));
        assertEquals(List.of(determinism), failedChecks(Mutating.class));
        assertEquals(List.of(determinism), failedChecks(Crashing.class), "an NPE instead of a clear refusal");
        assertEquals(List.of("probe: schema is complete and valid"), failedChecks(Undocumented.class));
        assertEquals(List.of("probe: keeps the image size"), failedChecks(CropUndeclared.class));
        String mask = "probe: a mask follows the image";
        assertEquals(List.of(mask), failedChecks(CropLeavesMaskBehind.class));
        assertEquals(List.of(mask), failedChecks(DropsMask.class));
        assertEquals(List.of(mask), failedChecks(MaskChangesImage.class));
        assertEquals(List.of("probe: boxes follow the image", "probe: keypoints follow the image"),
                failedChecks(FlipLeavesTargets.class), "boxes and keypoints left behind by a flip");
    }

    @Test
    void failuresSayWhatIsWrong() {
        String size = run(CropUndeclared.class).failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                .getMessage();
        assertTrue(size.contains("probe: seed 0 turned a 24x32x3 UINT8 image into 24x31")
                && size.contains(".withOutputSize(OutputSize.MAY_CHANGE)"), size);
    }

    /**
     * Surefire names a dynamic test by its display name only when its source is neither a class nor a method;
     * otherwise its report says {@code everyTransformHonoursTheContract()[1][2]}.
     */
    @Test
    void everyCheckIsNamedTransformColonCheckWithASourceSurefireReportsByName() {
        List<Event> tests = run(Good.class).succeeded().list();
        assertEquals(7, tests.size());
        for (Event e : tests) {
            assertTrue(e.getTestDescriptor().getDisplayName().startsWith("probe: "));
            assertInstanceOf(ClasspathResourceSource.class, e.getTestDescriptor().getSource().orElseThrow());
        }
    }

    /** The kit's README lists exactly the checks the kit runs, in order, and both READMEs give their number. */
    @Test
    void theReadmesDescribeTheChecksTheKitRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String list = readme.substring(readme.indexOf("<!-- checks:"), readme.indexOf("<!-- end of checks -->"));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\d+\\. `([^`]+)`").matcher(list);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(Stream.of(TransformProviderContract.Check.values()).map(c -> c.phrase).toList(), listed);
        int n = TransformProviderContract.Check.values().length;
        assertTrue(readme.contains("gets up to " + n + " checks"), "plugin-tck README gives another count");
        String root = Files.readString(Path.of("../../README.md"));
        assertTrue(root.contains("up to " + n + " checks per transform"), "the project README gives another count");
    }
}
