package io.augment4j.plugins.tck;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.NoParams;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The kit must pass a well-behaved provider and catch each kind of broken one. */
class TransformProviderContractTest {

    /** Copies its input, or breaks the contract in the chosen way. */
    record Probe(String fault) implements Transform<Probe.Draw> {
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
            return input.withImage(ArrayImage.wrapBytes(img.height(), img.width(), img.channels(), out));
        }

        @Override
        public Class<Draw> paramsType() {
            return Draw.class;
        }
    }

    static TransformProvider providerOf(String fault, String doc) {
        return new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("probe", doc,
                        List.of(ParamSpec.ofInt("strength", 1, 0, 10, "how strong")), p -> new Probe(fault)));
            }
        };
    }

    static class Good extends TransformProviderContract {
        @Override
        protected TransformProvider provider() {
            return providerOf("none", "Copies the image and sets one value.");
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

    static class NoParamsSample implements Transform<NoParams> {
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

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    @Test
    void aWellBehavedProviderPassesEveryCheck() {
        Events e = run(Good.class);
        assertEquals(6, e.succeeded().count());
        assertEquals(0, e.failed().count());
    }

    private static List<String> failedChecks(Class<?> contract) {
        return run(contract).failed().stream().map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList();
    }

    @Test
    void eachKindOfBrokenProviderIsCaught() {
        String determinism = "same seed, same output; input untouched; valid output";
        assertEquals(List.of(determinism, "thread-safe"), failedChecks(Random.class));
        assertEquals(List.of(determinism), failedChecks(Mutating.class));
        assertEquals(List.of(determinism), failedChecks(Crashing.class), "an NPE instead of a clear refusal");
        assertEquals(List.of("schema is complete and valid"), failedChecks(Undocumented.class));
    }
}
