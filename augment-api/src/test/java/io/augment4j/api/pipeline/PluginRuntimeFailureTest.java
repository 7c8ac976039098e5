package io.augment4j.api.pipeline;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.PluginJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plugin jar, compiled at test time, whose transforms fail at run time: the errors name transform and jar. */
class PluginRuntimeFailureTest {
    @TempDir
    static Path work;
    private static TransformRegistry registry;
    private static final Sample INPUT = Sample.of(ArrayImage.zeros(4, 6, 3, PixelType.UINT8));

    @BeforeAll
    static void buildPlugin() throws IOException {
        String source = """
                package acme;
                import io.augment4j.api.*;
                import io.augment4j.api.spi.*;
                import java.util.List;
                public final class Provider implements TransformProvider {
                    public int spiVersion() { return SPI_VERSION; }
                    public List<TransformDescriptor> transforms() {
                        return List.of(
                                TransformDescriptor.of("acme.boom", "Throws when applied.", List.of(), p -> new Boom()),
                                TransformDescriptor.of("acme.needs_helper", "Needs a class its jar lacks.", List.of(),
                                        p -> new NeedsHelper()));
                    }
                }
                class Boom implements Transform<NoParams> {
                    public NoParams sample(Sample s, Rng r) { return NoParams.INSTANCE; }
                    public Sample apply(Sample s, NoParams n) { throw new IllegalStateException("radius is NaN"); }
                    public Class<NoParams> paramsType() { return NoParams.class; }
                }
                class NeedsHelper implements Transform<NoParams> {
                    public NoParams sample(Sample s, Rng r) { return NoParams.INSTANCE; }
                    public Sample apply(Sample s, NoParams n) { return Helper.same(s); }
                    public Class<NoParams> paramsType() { return NoParams.class; }
                }
                class Helper {
                    static Sample same(Sample s) { return s; }
                }
                """;
        Path plugins = work.resolve("plugins");
        PluginJars.build(work, plugins.resolve("acme-1.0.jar"), "acme.Provider", Map.of("acme.Provider", source),
                "acme.Helper");
        registry = TransformRegistry.discover(List.of(plugins));
    }

    private static Pipeline pipelineOf(String transform) {
        return Pipeline.compile(PipelineSpec.of(Node.step(transform)), registry);
    }

    @Test
    void anExceptionFromAPluginNamesTheTransformTheJarAndTheInput() {
        TransformFailedException e = assertThrows(TransformFailedException.class,
                () -> pipelineOf("acme.boom").apply(INPUT, 0));
        assertEquals("transform 'acme.boom' (from acme-1.0.jar) failed on a 4x6x3 UINT8 image while applying INSTANCE:"
                + " java.lang.IllegalStateException: radius is NaN", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("acme.boom", e.transform());
        assertEquals("acme-1.0.jar", e.origin());

        TransformFailedException onFile = e.on("cats/a.png");
        assertEquals("transform 'acme.boom' (from acme-1.0.jar) failed on cats/a.png (4x6x3 UINT8) while applying"
                + " INSTANCE: java.lang.IllegalStateException: radius is NaN", onFile.getMessage());
        assertEquals("cats/a.png", onFile.source());
    }

    @Test
    void aClassMissingFromThePluginJarIsReportedTheSameWay() {
        TransformFailedException e = assertThrows(TransformFailedException.class,
                () -> pipelineOf("acme.needs_helper").apply(INPUT, 0));
        assertInstanceOf(NoClassDefFoundError.class, e.getCause());
        assertEquals("transform 'acme.needs_helper' (from acme-1.0.jar) failed on a 4x6x3 UINT8 image while applying"
                + " INSTANCE: java.lang.NoClassDefFoundError: acme/Helper", e.getMessage());
    }

    @Test
    void replayingAFailingPluginFailsTheSameWay() {
        Pipeline p = pipelineOf("acme.boom");
        Replay r = p.replayFromJson(
                "{\"applied\":true,\"sequence\":[{\"transform\":\"acme.boom\",\"applied\":true,\"params\":\"INSTANCE\"}]}");
        TransformFailedException e = assertThrows(TransformFailedException.class, () -> p.replay(INPUT, r));
        assertEquals("acme-1.0.jar", e.origin());
    }
}
