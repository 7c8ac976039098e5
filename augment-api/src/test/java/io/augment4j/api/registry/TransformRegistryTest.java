package io.augment4j.api.registry;

import io.augment4j.api.TransformFailedException;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformRegistryTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    @Test
    void discoversProvidersThroughServiceLoaderAndSaysWhereTheyCameFrom() {
        assertTrue(registry.names().containsAll(List.of("add_offset", "test_hflip", "needs_all")), registry.names().toString());
        RegisteredTransform t = registry.get("add_offset");
        assertEquals(TestTransforms.class.getName(), t.provider().className());
        assertEquals(TransformProvider.SPI_VERSION, t.provider().spiVersion());
        assertTrue(t.provider().location().contains("test-classes"), t.provider().location());
        assertEquals(registry.names().stream().sorted().toList(), registry.names());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void unknownNameSuggestsNearestNames() {
        UnknownTransformException e = assertThrows(UnknownTransformException.class, () -> registry.get("add_ofset"));
        assertEquals(List.of("add_offset"), e.suggestions());
        assertTrue(e.getMessage().contains("unknown transform 'add_ofset'; did you mean add_offset?"), e.getMessage());
        e = assertThrows(UnknownTransformException.class, () -> registry.get("hflip"));
        assertTrue(e.suggestions().contains("test_hflip"), e.suggestions().toString());
        e = assertThrows(UnknownTransformException.class, () -> registry.get("zzzzzzzzzzzz"));
        assertTrue(e.suggestions().isEmpty());
        assertTrue(!e.getMessage().contains("Note:"), "no provider failed, so no note: " + e.getMessage());
    }

    @Test
    void withNoProviderAtAllTheErrorSaysSo() {
        UnknownTransformException e = assertThrows(UnknownTransformException.class,
                () -> TransformRegistry.of().get("hflip"));
        assertEquals("unknown transform 'hflip': no transform is registered at all, as no transform provider was found;"
                + " put augment-opencv (the built-in transforms) or a plugin jar on the class path", e.getMessage());
    }

    @Test
    void aFactoryThatThrowsIsNamedWithItsProvidersLocation() {
        TransformProvider p = new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("bad_factory", "Its factory throws.",
                        List.of(ParamSpec.ofInt("n", 3, 0, 9, "a number")), params -> {
                            throw new IllegalStateException("no GPU");
                        }),
                        TransformDescriptor.of("null_factory", "Its factory returns null.", List.of(), params -> null));
            }
        };
        TransformRegistry r = TransformRegistry.of(p);
        TransformFailedException e = assertThrows(TransformFailedException.class,
                () -> r.create("bad_factory", Map.of()));
        assertEquals("transform 'bad_factory' (from " + r.get("bad_factory").provider().jarName()
                + ") failed while being built from {n=3}: java.lang.IllegalStateException: no GPU", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
        e = assertThrows(TransformFailedException.class, () -> r.create("null_factory", Map.of()));
        assertTrue(e.getMessage().endsWith("the factory returned null"), e.getMessage());
    }

    @Test
    void twoProvidersClaimingOneNameIsAnErrorNamingBoth() {
        TransformProvider other = new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("test_hflip", "clash", List.of(), p -> new TestTransforms.HFlip()));
            }
        };
        DuplicateTransformException e = assertThrows(DuplicateTransformException.class,
                () -> TransformRegistry.of(new TestTransforms(), other));
        assertTrue(e.getMessage().contains("'test_hflip' is provided twice"), e.getMessage());
        assertTrue(e.getMessage().contains(TestTransforms.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(other.getClass().getName()), e.getMessage());
    }

    @Test
    void validatesAndCanonicalizesParameters() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("count", 3);
        raw.put("angle", 15);
        raw.put("factor", 0.2);
        raw.put("border", "REFLECT");
        raw.put("mean", List.of(0.1, 0.2, 0.3));
        Params p = registry.validate("needs_all", raw);
        assertEquals(3, p.getInt("count"));
        assertEquals(1.0, p.getDouble("scale"));
        assertEquals(new Range(-15, 15), p.getRange("angle"));
        assertEquals(new Range(0.8, 1.2), p.getRange("factor"));
        assertEquals("reflect", p.getString("border"));
        assertEquals(List.of(0.1, 0.2, 0.3), p.getDoubles("mean"));
        raw.put("angle", List.of(-5, 30));
        raw.put("count", 4.0);
        raw.put("mean", 0.25);
        p = registry.validate("needs_all", raw);
        assertEquals(new Range(-5, 30), p.getRange("angle"));
        assertEquals(4, p.getInt("count"));
        assertEquals(List.of(0.25), p.getDoubles("mean"));
    }

    @Test
    void aSingleNumberForARangeMeansWhatTheParameterDeclares() {
        Params p = registry.validate("needs_all", Map.of("count", 1, "gain", 1.5, "sigma", 10));
        assertEquals(new Range(0, 2.5), p.getRange("gain"), "clamped into [0, 10] as torchvision does");
        assertEquals(new Range(10, 10), p.getRange("sigma"), "exactly v");
        assertEquals(new Range(0.7, 1.3), registry.validate("needs_all", Map.of("count", 1, "gain", 0.3))
                .getRange("gain"));
        String allowed = registry.get("needs_all").descriptor().params().stream()
                .filter(s -> s.name().equals("sigma")).findFirst().orElseThrow().allowed();
        assertTrue(allowed.endsWith("or one number v meaning exactly v"), allowed);
        assertParamError(Map.of("count", 1, "gain", List.of(-1, 2)), "gain", "out of range");
    }

    @Test
    void parameterErrorsNameTransformParameterValueAndAllowedRange() {
        assertParamError(Map.of(), "count", "is required");
        assertParamError(Map.of("count", 11), "count", "= 11 is out of range; allowed: a whole number in [1, 10]");
        assertParamError(Map.of("count", 2.5), "count", "= 2.5 (number) is not valid");
        assertParamError(Map.of("count", "3"), "count", "= '3' (text) is not valid");
        assertParamError(Map.of("count", 1, "scale", -0.1), "scale", "allowed: a number in [0, 2]");
        assertParamError(Map.of("count", 1, "border", "wrap"), "border", "allowed: one of [constant, reflect]");
        assertParamError(Map.of("count", 1, "angle", List.of(10, -10)), "angle", "has lo > hi");
        assertParamError(Map.of("count", 1, "angle", 200), "angle", "out of range");
        assertParamError(Map.of("count", 1, "angle", -3), "angle", "must not be negative");
        assertParamError(Map.of("count", 1, "mean", List.of(0.5, 2)), "mean", "each in [0, 1]");
        assertParamError(Map.of("count", 1, "scle", 1), "scle", "is not a parameter of this transform; did you mean scale?");
    }

    private void assertParamError(Map<String, ?> raw, String param, String fragment) {
        ParameterException e = assertThrows(ParameterException.class, () -> registry.create("needs_all", raw));
        assertEquals("needs_all", e.transform());
        assertEquals(param, e.parameter());
        assertTrue(e.getMessage().startsWith("transform 'needs_all': parameter '" + param + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** A provider whose constructor throws, listed in a services file of its own class path entry. */
    public static final class BrokenProvider implements TransformProvider {
        public BrokenProvider() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public List<TransformDescriptor> transforms() {
            return List.of();
        }
    }

    /** A provider built for a future SPI. */
    public static final class FutureProvider implements TransformProvider {
        @Override
        public int spiVersion() {
            return 99;
        }

        @Override
        public List<TransformDescriptor> transforms() {
            return List.of(TransformDescriptor.of("future", "x", List.of(ParamSpec.ofInt("n", 1, 0, 2, "n")),
                    p -> new TestTransforms.Identity()));
        }
    }

    @Test
    void brokenMissingAndIncompatibleProvidersAreSkippedAndReported(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TransformProvider.class.getName()), String.join("\n",
                BrokenProvider.class.getName(), "com.example.Missing", FutureProvider.class.getName(),
                TestTransforms.class.getName()) + "\n");
        // Parent-last is not needed: the test classes are visible through the parent; only the services file is new.
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                return name.startsWith("com.example") ? super.loadClass(name, resolve)
                        : TransformRegistryTest.class.getClassLoader().loadClass(name);
            }
        }) {
            TransformRegistry r = TransformRegistry.builder().discover(cl).build();
            assertTrue(r.contains("add_offset"), "the healthy provider still loads");
            assertTrue(!r.contains("future"));
            String problems = r.problems().toString();
            assertEquals(3, r.problems().size(), problems);
            assertTrue(problems.contains("cannot start"), problems);
            assertTrue(problems.contains("com.example.Missing"), problems);
            assertTrue(problems.contains("built for transform SPI version 99, but this augment4j implements version 1"),
                    problems);
        }
    }
}
