package io.augment4j.cli;

import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.LocalBatchExecutor;
import io.augment4j.api.batch.TaskListener;
import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code aug apply --engine spark} (local[2,2]): the local engine's bytes, retries, re-runs and bad inputs. */
class SparkApplyTest {
    static final String SPEC = "hflip(p=0.5) | rotate(limit=30, p=0.7) | gaussian_noise(p=0.5) | posterize(p=0.5)";
    static final int COPIES = 2;
    static BatchExecutor spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = BatchExecutorProvider.named("spark", SparkApplyTest.class.getClassLoader()).orElseThrow()
                .create(Map.of("master", "local[2,2]"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    /** 80 small images in nested folders (PNG, JPEG, RGBA, 16-bit, BMP) and one that is not an image. */
    private Path tree() throws IOException {
        Path in = dir.resolve("in");
        for (int i = 0; i < 80; i++) {
            String sub = "d" + (i % 4) + "/" + (i % 3 == 0 ? "deeper/" : "");
            switch (i % 5) {
                case 0 -> Fixtures.jpeg(in.resolve(sub + "j" + i + ".jpg"), Fixtures.rgb(20 + i % 9, 18 + i % 5));
                case 1 -> Fixtures.rgbaPng(in.resolve(sub + "a" + i + ".png"), 12 + i % 7, 10);
                case 2 -> Fixtures.gray16Png(in.resolve(sub + "g" + i + ".png"), 16, 12 + i % 4);
                case 3 -> {
                    Path bmp = in.resolve(sub + "b" + i + ".bmp");
                    Files.createDirectories(bmp.getParent());
                    javax.imageio.ImageIO.write(Fixtures.rgb(14, 11 + i % 3), "bmp", bmp.toFile());
                }
                default -> Fixtures.png(in.resolve(sub + "p" + i + ".png"), Fixtures.rgb(24 + i % 11, 16));
            }
        }
        Files.writeString(in.resolve("d1/broken.png"), "not an image", StandardCharsets.UTF_8);
        return in;
    }

    private static ApplyRun.Summary apply(Path in, Path out, BatchExecutor executor) throws InterruptedException {
        TransformRegistry registry = TransformRegistry.discover();
        PipelineSpec spec = InlineSpecs.parse(SPEC, registry);
        return new ApplyRun(registry, spec, new ApplyRun.Options(in, out, COPIES, 11L, ImageFiles.DEFAULT_MAX_PIXELS),
                executor, ApplyRun.Progress.NONE).run();
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(InputTree.relative(root, p), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static List<String> sortedLines(byte[] manifest) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(manifest, StandardCharsets.UTF_8).split("\n")));
        lines.sort(null);
        return lines;
    }

    @Test
    void sparkWritesTheLocalEnginesBytesSurvivesAFailedFirstAttemptAndResumes() throws Exception {
        Path in = tree();
        ApplyRun.Summary local = apply(in, dir.resolve("local"), new LocalBatchExecutor(2));
        ApplyRun.Summary onSpark = apply(in, dir.resolve("spark"), new FlakyFirstAttempts(spark));

        assertEquals(80 * COPIES, local.written());
        assertEquals(local.written(), onSpark.written());
        assertEquals(local.failures(), onSpark.failures());
        assertEquals(List.of(in.resolve("d1/broken.png") + ": not an image (it looks like a text file); readable "
                + "formats: PNG, JPEG, BMP, GIF"), onSpark.failures());
        assertEquals(ExitCodes.INPUT_FAILED, onSpark.exitCode());

        Map<String, byte[]> a = files(dir.resolve("local"));
        Map<String, byte[]> b = files(dir.resolve("spark"));
        assertEquals(a.keySet(), b.keySet(), "same files, no temporary file left");
        assertEquals(80 * COPIES + 2, b.size());
        for (String f : a.keySet()) {
            if (f.equals(ApplyRun.MANIFEST_FILE)) {
                // one line per output, none twice: the driver writes it from the successful attempts only
                assertEquals(sortedLines(a.get(f)), sortedLines(b.get(f)));
            } else {
                assertArrayEquals(a.get(f), b.get(f), f);
            }
        }

        ApplyRun.Summary again = apply(in, dir.resolve("spark"), spark);
        assertEquals(0, again.written());
        assertEquals(80 * COPIES, again.alreadyDone());
        assertEquals(local.failures(), again.failures());
        assertTrue(files(dir.resolve("spark")).keySet().stream().noneMatch(f -> AtomicFiles.isTempFile(Path.of(f))));
    }

    /**
     * Runs on Spark with every 7th task failing its first attempt after doing its work (as when an executor is lost
     * after writing), so Spark retries those partitions.
     */
    private record FlakyFirstAttempts(BatchExecutor spark) implements BatchExecutor {
        record Flaky<R>(BatchTask<R> inner, boolean flaky) implements BatchTask<R> {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public R call() throws Exception {
                R r = inner.call();
                if (flaky && TaskContext.get().attemptNumber() == 0) {
                    throw new AssertionError("injected failure of the first attempt of " + name());
                }
                return r;
            }
        }

        @Override
        public <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener)
                throws InterruptedException {
            List<Flaky<R>> wrapped = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                wrapped.add(new Flaky<>(tasks.get(i), i % 7 == 3));
            }
            spark.run(wrapped, new TaskListener<>() {
                @Override
                public void succeeded(BatchTask<R> task, R result) {
                    listener.succeeded(((Flaky<R>) task).inner(), result);
                }

                @Override
                public void failed(BatchTask<R> task, Exception error) {
                    listener.failed(((Flaky<R>) task).inner(), error);
                }
            });
        }

        @Override
        public String describe() {
            return "flaky " + spark.describe();
        }
    }
}
