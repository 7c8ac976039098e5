package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;
import io.augment4j.api.testing.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real plugin jars, compiled and packed at test time, loaded from a folder. */
class PluginFolderTest {
    @TempDir
    Path work;

    /** Compiles one provider class {@code pkg.Provider} contributing {@code transform} and packs it as a jar. */
    private Path pluginJar(Path folder, String jarName, String pkg, String transform, String constructorBody,
                           int spiVersion, boolean withServices, String servicesLine) throws IOException {
        String source = """
                package %s;
                import io.augment4j.api.spi.*;
                import java.util.List;
                public final class Provider implements TransformProvider {
                    public Provider() { %s }
                    public int spiVersion() { return %d; }
                    public List<TransformDescriptor> transforms() {
                        return List.of(TransformDescriptor.of("%s", "a plugin transform", List.of(),
                                p -> new io.augment4j.api.testing.TestTransforms.Identity()));
                    }
                }
                """.formatted(pkg, constructorBody, spiVersion, transform);
        return PluginJars.build(work, folder.resolve(jarName),
                withServices ? (servicesLine == null ? pkg + ".Provider" : servicesLine) : null,
                Map.of(pkg + ".Provider", source));
    }

    @Test
    void loadsEveryJarAndSkipsBrokenOnesNamingTheJar() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        pluginJar(plugins, "acme-fog-1.0.jar", "acme", "acme.fog", "", 1, true, null);
        pluginJar(plugins, "boom.jar", "boom", "boom.x", "throw new IllegalStateException(\"no licence key\");", 1, true, null);
        pluginJar(plugins, "ghost.jar", "ghost", "ghost.x", "", 1, true, "ghost.Missing");
        pluginJar(plugins, "future.jar", "future", "future.x", "", 7, true, null);
        pluginJar(plugins, "bare.jar", "bare", "bare.x", "", 1, false, null);
        Files.writeString(plugins.resolve("notes.jar"), "this is not a zip");
        Files.writeString(plugins.resolve("README.txt"), "ignored");

        TransformRegistry r = TransformRegistry.discover(List.of(plugins));
        assertTrue(r.contains("acme.fog"));
        assertEquals(plugins.resolve("acme-fog-1.0.jar").toString(), r.get("acme.fog").provider().location());
        assertEquals("acme-fog-1.0.jar", r.get("acme.fog").provider().jarName());
        assertTrue(r.contains("add_offset"), "classpath providers still load");
        assertFalse(r.contains("boom.x") || r.contains("ghost.x") || r.contains("future.x"));
        String problems = String.join("\n", r.problems().stream().map(LoadProblem::toString).toList());
        assertEquals(5, r.problems().size(), problems);
        assertTrue(problems.contains("boom.jar") && problems.contains("no licence key"), problems);
        assertTrue(problems.contains("ghost.jar") && problems.contains("ghost.Missing"), problems);
        assertTrue(problems.contains("future.Provider (future.jar): built for transform SPI version 7"), problems);
        assertTrue(problems.contains("bare.jar: declares no transform provider"), problems);
        assertTrue(problems.contains("notes.jar: not a readable jar"), problems);
        assertEquals("acme.Provider", r.get("acme.fog").provider().className());

        // The transform asked for may be in a jar that failed: the error says which ones did.
        UnknownTransformException unknown = assertThrows(UnknownTransformException.class, () -> r.get("boom.x"));
        assertTrue(unknown.getMessage().startsWith("unknown transform 'boom.x' ('aug list' shows every transform). "
                + "Note: 5 providers failed to load: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains(
                "; boom.jar (Provider boom.Provider could not be instantiated: IllegalStateException: no licence key);"),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("; ghost.jar (Provider ghost.Missing not found);"),
                unknown.getMessage());
    }

    @Test
    void anOnlyProviderThatFailsIsNamedWhenItsTransformIsAskedFor() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("one"));
        pluginJar(plugins, "acme-1.0.jar", "acmex", "acme.x", "", 1, true, "acmex.Missing");
        TransformRegistry r = TransformRegistry.builder().discoverPlugins(plugins).build();
        UnknownTransformException e = assertThrows(UnknownTransformException.class, () -> r.get("acme.x"));
        assertEquals("unknown transform 'acme.x': no transform is registered at all. Note: 1 provider failed to load: "
                + r.problems().get(0).source() + " (" + r.problems().get(0).reason() + ")", e.getMessage());
        assertTrue(e.getMessage().contains("acme-1.0.jar") && e.getMessage().contains("acmex.Missing"), e.getMessage());
    }

    @Test
    void twoJarsClaimingOneNameIsAnErrorNamingBothJars() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("clash"));
        pluginJar(plugins, "a.jar", "one", "shared.name", "", 1, true, null);
        pluginJar(plugins, "b.jar", "two", "shared.name", "", 1, true, null);
        DuplicateTransformException e = assertThrows(DuplicateTransformException.class,
                () -> TransformRegistry.discover(List.of(plugins)));
        // Full paths: two copies of one jar in different folders must be told apart.
        assertTrue(e.getMessage().contains("one.Provider (" + plugins.resolve("a.jar") + ")")
                && e.getMessage().contains("two.Provider (" + plugins.resolve("b.jar") + ")"), e.getMessage());
    }

    @Test
    void aMissingFolderIsAClearError() {
        AugmentException e = assertThrows(AugmentException.class,
                () -> TransformRegistry.discover(List.of(work.resolve("nope"))));
        assertTrue(e.getMessage().contains("plugin folder") && e.getMessage().contains("nope"), e.getMessage());
    }
}
