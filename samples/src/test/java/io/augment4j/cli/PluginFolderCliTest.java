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
        return plugin(folder, jarName, pkg, transform, ctor, "return s;");
    }

    /** A plugin jar whose one transform runs {@code applyBody} (given {@code Sample s}). */
    private Path plugin(Path folder, String jarName, String pkg, String transform, String ctor, String applyBody)
            throws IOException {
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
                                    public Sample apply(Sample s, NoParams n) { %s }
                                    public Class<NoParams> paramsType() { return NoParams.class; }
                                }));
                    }
                }
                """.formatted(pkg, ctor, transform, applyBody));
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
            assertTrue(r.out().contains("from " + dir.resolve("acme-weather-2.5.1.jar") + " (acme.Provider"), r.out());
            assertTrue(r.out().contains("1 provider could not be loaded; see the warnings above."), r.out());
            assertTrue(r.out().matches("(?s).*\\n\\d+ transforms from [2-9] providers\\. .*"), r.out());
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

    /** A transform that does not claim boxes is refused for --labels before any input is read, fire or not. */
    @Test
    void aPipelineThatCannotMoveBoxesIsRefusedBeforeAnyWork() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins-boxes"));
        plugin(dir, "acme.jar", "acme3", "acme.pixels", "");
        Path in = Files.createDirectories(work.resolve("in"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                "png", in.resolve("a.png").toFile());
        Files.writeString(in.resolve("a.txt"), "0 0.5 0.5 0.5 0.5\n");
        Path out = work.resolve("out");
        Fixtures.Run r = Fixtures.aug("--plugins", dir.toString(), "apply", "--spec", "hflip | acme.pixels(p=0.01)",
                "--in", in.toString(), "--out", out.toString(), "--labels", "yolo", "-q");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("'acme.pixels'") && r.err().contains("BOXES"), r.err());
        assertTrue(!Files.exists(out.resolve("a_aug0.png")) && !Files.exists(out.resolve("a_aug0.txt")));
    }

    @Test
    void aPluginThatThrowsIsReportedByTransformJarAndFileWithExitCode2() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins3"));
        plugin(dir, "acme-1.0.jar", "acme3", "acme.vignette", "", "throw new IllegalStateException(\"radius is NaN\");");
        Path in = Files.createDirectories(work.resolve("in/cats"));
        Path img = in.resolve("a.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                "png", img.toFile());
        String failure = "transform 'acme.vignette' (from acme-1.0.jar) failed on " + img + " (10x20x3 UINT8) while"
                + " applying INSTANCE: java.lang.IllegalStateException: radius is NaN";

        Fixtures.Run preview = Fixtures.aug("--plugins", dir.toString(), "preview", "--spec", "hflip | acme.vignette",
                "--image", img.toString(), "-n", "2", "--out", work.resolve("sheet.png").toString());
        assertEquals(2, preview.code(), preview.toString());
        assertTrue(preview.err().startsWith("aug: " + failure + " (--verbose prints the stack trace)"), preview.err());
        assertTrue(!preview.err().contains("internal error"), preview.err());

        Fixtures.Run apply = Fixtures.aug("--plugins", dir.toString(), "apply", "--spec", "acme.vignette", "--in",
                work.resolve("in").toString(), "--out", work.resolve("out").toString(), "-q");
        assertEquals(2, apply.code(), apply.toString());
        assertTrue(apply.err().contains("  " + failure + "\n"), apply.err());
        assertTrue(apply.err().contains("1 of them failed in a transform's own code"), apply.err());
    }

    @Test
    void anUnknownTransformMentionsThePluginsThatFailedToLoad() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins4"));
        plugin(dir, "acme-2.0.jar", "acme4", "acme.fog", "throw new NoClassDefFoundError(\"com/acme/Lib\");");
        Fixtures.Run r = Fixtures.aug("--plugins", dir.toString(), "describe", "acme.fog");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("aug: unknown transform 'acme.fog'"), r.err());
        assertTrue(r.err().contains("Note: 1 provider failed to load: acme-2.0.jar (Provider acme4.Provider could not"
                + " be instantiated: NoClassDefFoundError: com/acme/Lib)"), r.err());
    }

    @Test
    void twoJarsClaimingOneNameAreNamedByFullPath() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins5"));
        plugin(dir, "a.jar", "pa", "acme.same", "");
        plugin(dir, "b.jar", "pb", "acme.same", "");
        Fixtures.Run r = Fixtures.aug("--plugins", dir.toString(), "list");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("pa.Provider (" + dir.resolve("a.jar") + ") and by pb.Provider ("
                + dir.resolve("b.jar") + ")"), r.err());
    }

    @Test
    void listSaysPlainlyWhenThereAreNoneOneOrSeveralProviders() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins6"));
        plugin(dir, "solo-1.0.jar", "solo", "solo.same", "");
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        // A loader that sees no services file: discovery finds no provider, as on a class path without augment-opencv.
        t.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
        try {
            Fixtures.Run none = Fixtures.aug("list");
            assertEquals(0, none.code(), none.toString());
            assertTrue(none.out().startsWith("No transforms: no transform provider was found. Put augment-opencv"),
                    none.out());
            Fixtures.Run one = Fixtures.aug("--plugins", dir.toString(), "list");
            assertTrue(one.out().contains("\n1 transform from 1 provider. "), one.out());
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void aMissingPluginFolderIsAUsageError() {
        Fixtures.Run r = Fixtures.aug("list", "--plugins", work.resolve("nope").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: plugin folder"), r.err());
    }
}
