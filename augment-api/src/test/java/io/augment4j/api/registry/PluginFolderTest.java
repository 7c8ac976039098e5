package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;
import io.augment4j.api.spi.TransformProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

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
        Path src = work.resolve("src-" + jarName);
        Path classes = work.resolve("classes-" + jarName);
        Files.createDirectories(src.resolve(pkg));
        Files.createDirectories(classes);
        Path file = src.resolve(pkg).resolve("Provider.java");
        Files.writeString(file, """
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
                """.formatted(pkg, constructorBody, spiVersion, transform));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertEquals(0, rc, "test plugin did not compile");
        Path jar = folder.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            if (withServices) {
                out.putNextEntry(new JarEntry("META-INF/services/" + TransformProvider.class.getName()));
                OutputStream o = out;
                o.write((servicesLine == null ? pkg + ".Provider" : servicesLine).getBytes());
                out.closeEntry();
            }
        }
        return jar;
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
        assertEquals("acme-fog-1.0.jar", r.get("acme.fog").provider().location());
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
    }

    @Test
    void twoJarsClaimingOneNameIsAnErrorNamingBothJars() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("clash"));
        pluginJar(plugins, "a.jar", "one", "shared.name", "", 1, true, null);
        pluginJar(plugins, "b.jar", "two", "shared.name", "", 1, true, null);
        DuplicateTransformException e = assertThrows(DuplicateTransformException.class,
                () -> TransformRegistry.discover(List.of(plugins)));
        assertTrue(e.getMessage().contains("one.Provider (a.jar)") && e.getMessage().contains("two.Provider (b.jar)"),
                e.getMessage());
    }

    @Test
    void aMissingFolderIsAClearError() {
        AugmentException e = assertThrows(AugmentException.class,
                () -> TransformRegistry.discover(List.of(work.resolve("nope"))));
        assertTrue(e.getMessage().contains("plugin folder") && e.getMessage().contains("nope"), e.getMessage());
    }
}
