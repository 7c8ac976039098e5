package io.augment4j.cli;

import io.augment4j.api.spi.TransformProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --plugins DIR}: real plugin jars compiled at test time, a broken one beside them. */
class PluginFolderCliTest {
    @TempDir
    Path work;

    private Path plugin(Path folder, String jarName, String pkg, String transform, String ctor) throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + jarName).resolve(pkg));
        Path classes = Files.createDirectories(work.resolve("classes-" + jarName));
        Path file = src.resolve("Provider.java");
        Files.writeString(file, """
                package %s;
                import io.augment4j.api.*;
                import io.augment4j.api.spi.*;
                import java.util.List;
                public final class Provider implements TransformProvider {
                    public Provider() { %s }
                    public int spiVersion() { return SPI_VERSION; }
                    public List<TransformDescriptor> transforms() {
                        return List.of(TransformDescriptor.of("%s", "Returns the image unchanged.", List.of(),
                                p -> new Transform<NoParams>() {
                                    public NoParams sample(Sample s, Rng r) { return NoParams.INSTANCE; }
                                    public Sample apply(Sample s, NoParams n) { return s; }
                                    public Class<NoParams> paramsType() { return NoParams.class; }
                                }));
                    }
                }
                """.formatted(pkg, ctor, transform));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString()));
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        mf.getMainAttributes().putValue("Implementation-Version", "2.5.1");
        Path jar = folder.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString()));
                Files.copy(p, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + TransformProvider.class.getName()));
            out.write((pkg + ".Provider\n").getBytes());
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void listShowsPluginJarsAndReportsBrokenOnesWithoutStopping() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        plugin(dir, "acme-weather-2.5.1.jar", "acme", "acme.fog", "");
        plugin(dir, "broken.jar", "broken", "broken.thing", "throw new IllegalStateException(\"licence missing\");");
        for (String[] args : new String[][] {{"list", "--plugins", dir.toString()}, {"--plugins", dir.toString(), "list"}}) {
            Fixtures.Run r = Fixtures.aug(args);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("acme.fog"), r.out());
            assertTrue(r.out().contains("2.5.1"), "the jar's Implementation-Version is shown: " + r.out());
            assertTrue(r.out().contains("from acme-weather-2.5.1.jar (acme.Provider"), r.out());
            assertTrue(r.out().contains("hflip"), "built-ins still listed");
            assertTrue(r.err().contains("broken.jar") && r.err().contains("licence missing"), r.err());
            assertTrue(!r.out().contains("broken.thing"), r.out());
        }
    }

    @Test
    void aPluginTransformWorksInAPreview() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins2"));
        plugin(dir, "acme.jar", "acme2", "acme.same", "");
        Path img = work.resolve("in.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                "png", img.toFile());
        Fixtures.Run r = Fixtures.aug("--plugins", dir.toString(), "preview", "--spec", "acme.same | hflip",
                "--image", img.toString(), "-n", "2", "--out", work.resolve("sheet.png").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.size(work.resolve("sheet.png")) > 0);
    }

    @Test
    void aMissingPluginFolderIsAUsageError() {
        Fixtures.Run r = Fixtures.aug("list", "--plugins", work.resolve("nope").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: plugin folder"), r.err());
    }
}
