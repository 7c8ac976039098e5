package io.augment4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.tools.ToolProvider;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aug --plugins DIR train}: the trainer checks and runs the config's augmentation with the CLI's registry,
 * plugin folders included. The plugin is the real plugin-compression, compiled from its sources into a jar.
 */
class TrainWithPluginsCliTest {
    private static final Path PLUGIN_SOURCES = Path.of("..", "plugins", "plugin-compression", "src", "main");

    @TempDir
    static Path work;

    private static Path plugins;
    private static Path config;

    @BeforeAll
    static void pluginJarDataAndConfig() throws IOException {
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar(PLUGIN_SOURCES, plugins.resolve("plugin-compression.jar"));
        for (int k = 0; k < 2; k++) {
            Path d = Files.createDirectories(work.resolve("data").resolve(k == 0 ? "dark" : "light"));
            for (int i = 0; i < 12; i++) {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                int v = (k == 0 ? 40 : 200) + 4 * i;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        img.setRGB(x, y, v << 16 | (v / 2) << 8 | (255 - v));
                    }
                }
                ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
            }
        }
        config = Files.writeString(work.resolve("jpeg.yaml"), """
                data: {type: folder, root: data, height: 8, width: 8, channels: 3}
                split: {val: 0.25, test: 0.25}
                augmentation:
                  transforms:
                    - {transform: jpeg_compression}
                model: {dense: [{units: 8}]}
                epochs: 1
                batch_size: 8
                workers: 1
                progress: false
                """);
    }

    /** Compiles {@code src/main/java} and packs it with {@code src/main/resources} (the service file). */
    private static void jar(Path sources, Path jar) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> java = Files.walk(sources.resolve("java"))) {
            java.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, sources.resolve("resources"))) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                        Files.copy(p, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    @Test
    void trainsWithAPluginTransformFromAPluginFolder() throws IOException {
        Path run = work.resolve("run");
        Fixtures.Run r = Fixtures.aug("--plugins", plugins.toString(), "train", "--config", config.toString(),
                "--out", run.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("jpeg_compression"));
        assertTrue(Files.readString(run.resolve("report.md")).contains("jpeg_compression (spec in config.yaml)"));
        assertEquals(2, Files.readAllLines(run.resolve("history.csv")).size(), "one epoch");

        // The run's saved config names the plugin transform: evaluate reads it with the same registry.
        Fixtures.Run ev = Fixtures.aug("--plugins", plugins.toString(), "evaluate", "--model", run.toString());
        assertEquals(0, ev.code(), ev.toString());
    }

    @Test
    void withoutThePluginFolderTheTransformIsUnknown() {
        Path run = work.resolve("refused");
        Fixtures.Run r = Fixtures.aug("train", "--config", config.toString(), "--out", run.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("jpeg_compression"), r.err());
        assertTrue(Files.notExists(run), "a refused config leaves no run folder");
    }
}
