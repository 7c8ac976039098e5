package io.augment4j.spark;

import io.augment4j.api.Sample;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.PathSeeds;
import io.augment4j.api.batch.TaskListener;
import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageReadException;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark engine in local[2,2] (two attempts per task, so a first-attempt failure is retried). One session. */
class SparkEngineTest {
    static final String SPEC = """
            seed: 5
            transforms:
              - {transform: hflip, p: 0.5}
              - {transform: rotate, p: 0.8, limit: 25}
              - {transform: gaussian_noise, p: 0.5}
            """;

    static BatchExecutor executor;
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        executor = BatchExecutorProvider.named("spark", SparkEngineTest.class.getClassLoader()).orElseThrow()
                .create(Map.of("master", "local[2,2]"));
        spark = SparkSession.active();
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    /** Writes its file atomically, fails its first attempt after writing (a lost executor) when asked to. */
    record WriteTask(String file, int value, boolean failFirstAttempt) implements BatchTask<Integer> {
        @Override
        public String name() {
            return file;
        }

        @Override
        public Integer call() throws IOException {
            AtomicFiles.write(Path.of(file), ("value " + value).getBytes(StandardCharsets.UTF_8));
            if (failFirstAttempt && TaskContext.get().attemptNumber() == 0) {
                throw new AssertionError("injected failure of the first attempt");
            }
            if (value < 0) {
                throw new ImageReadException(Path.of(file), "negative value");
            }
            return value * value;
        }
    }

    static final class Recorder<R> implements TaskListener<R> {
        final Map<String, R> results = new ConcurrentHashMap<>();
        final Map<String, Exception> failures = new ConcurrentHashMap<>();
        final List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void succeeded(BatchTask<R> task, R result) {
            heard.add(task.name());
            results.put(task.name(), result);
        }

        @Override
        public void failed(BatchTask<R> task, Exception error) {
            heard.add(task.name());
            failures.put(task.name(), error);
        }
    }

    @Test
    void everyTaskIsHeardOnceDespiteARetriedAttemptAndFailuresComeBackByName() throws Exception {
        List<WriteTask> tasks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tasks.add(new WriteTask(dir.resolve("f" + i + ".txt").toString(), i == 77 ? -1 : i, i % 40 == 3));
        }
        Recorder<Integer> rec = new Recorder<>();
        java.util.concurrent.atomic.AtomicInteger failedAttempts = new java.util.concurrent.atomic.AtomicInteger();
        SparkListener countFailures = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedAttempts.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(countFailures);
        try {
            executor.run(tasks, rec);
        } finally {
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(countFailures);
        }
        assertEquals(3, failedAttempts.get(), "tasks 3, 43 and 83 failed their first attempt, in 3 partitions");

        assertEquals(120, rec.heard.size(), "each task heard exactly once, retried attempts included");
        assertEquals(120, new java.util.HashSet<>(rec.heard).size());
        for (int i = 0; i < 120; i++) {
            String f = tasks.get(i).file();
            assertEquals("value " + (i == 77 ? -1 : i), Files.readString(Path.of(f)));
            if (i != 77) {
                assertEquals(i * i, rec.results.get(f));
            }
        }
        Exception e = rec.failures.get(tasks.get(77).file());
        ImageReadException ie = assertInstanceOf(ImageReadException.class, e);
        assertEquals(tasks.get(77).file() + ": negative value", ie.getMessage());
        assertEquals(Path.of(tasks.get(77).file()), ie.file());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(AtomicFiles::isTempFile).count(), "no temporary file left");
        }
    }

    @Test
    void anExceptionThatCannotTravelIsReportedAsText() {
        Exception e = SparkBatchExecutor.portable(new IllegalStateException("x") {
            private final transient Object ok = null;
            private final Thread notSerializable = Thread.currentThread();
        });
        assertInstanceOf(RemoteTaskException.class, e);
        assertTrue(e.getMessage().endsWith(": x"), e.getMessage());
    }

    static byte[] png(int w, int h, long seed) throws IOException {
        Random r = new Random(seed);
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ImageIO.write(bi, seed % 3 == 0 ? "jpeg" : "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void datasetApiGivesTheBytesOfTheLocalComputationAndNamesBadInputs() throws IOException {
        Path in = dir.resolve("in");
        Map<String, byte[]> inputs = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String rel = (i % 2 == 0 ? "a/" : "b/") + "img" + i + (i % 3 == 0 ? ".jpg" : ".png");
            byte[] b = png(20 + i, 16 + i % 7, i);
            Files.createDirectories(in.resolve(rel).getParent());
            Files.write(in.resolve(rel), b);
            inputs.put(rel, b);
        }
        Files.writeString(in.resolve("a/broken.png"), "not an image");

        PipelineSpec spec = Specs.parse(SPEC, "test");
        String root = in.toUri().toString().replaceFirst("^file:///", "file:/");
        Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .load(in.toString());
        List<Row> rows = SparkAugment.of(spec).copies(2).relativeTo(in.toString()).apply(images).collectAsList();

        Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());
        int outputs = 0;
        for (Row row : rows) {
            String path = row.getString(0);
            if (path.endsWith("broken.png")) {
                assertEquals(-1, row.getInt(1));
                assertNull(row.get(2));
                assertTrue(row.getString(4).startsWith(path + ": not an image"), row.getString(4));
                continue;
            }
            assertTrue(path.startsWith(root), path + " vs " + root);
            String rel = path.substring(root.length());
            int k = row.getInt(1);
            Sample sample = Sample.of(ImageFiles.read(in.resolve(rel)).image());
            Applied a = pipeline.applyRecorded(sample, PathSeeds.rngFor(5, rel, k));
            // the local engine's way: ImageFiles.write to a file named like the input
            Path local = dir.resolve("local").resolve(rel.replace('/', '_') + "_" + k
                    + (rel.endsWith(".jpg") ? ".jpg" : ".png"));
            Files.createDirectories(local.getParent());
            ImageFiles.write(a.sample().image(), local);
            assertArrayEquals(Files.readAllBytes(local), (byte[]) row.get(2), rel + " copy " + k);
            assertEquals(pipeline.replayToJson(a.replay()), row.getString(3));
            assertNull(row.get(4));
            outputs++;
        }
        assertEquals(60, outputs);
    }

    @Test
    void writeToWritesTheOutputsThroughHadoopAtomicallyAndResumes() throws IOException {
        Path in = dir.resolve("in");
        for (int i = 0; i < 24; i++) {
            String rel = "s" + (i % 3) + "/img" + i + (i % 3 == 0 ? ".jpg" : ".png");
            Files.createDirectories(in.resolve(rel).getParent());
            Files.write(in.resolve(rel), png(18 + i, 14, i));
        }
        Files.write(in.resolve("s1/img4.bmp"), png(10, 10, 99)); // sorts first: s1/img4.png becomes s1/img4_png_aug0.png
        Files.writeString(in.resolve("s2/broken.png"), "not an image");
        PipelineSpec spec = Specs.parse(SPEC, "test");
        String root = in.toUri().toString().replaceFirst("^file:///", "file:/");
        Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .load(in.toString());
        Path out = dir.resolve("out");
        SparkAugment aug = SparkAugment.of(spec).copies(2).relativeTo(root);

        List<Row> rows = aug.writeTo(images, out.toString()).collectAsList();
        assertEquals(25 * 2 + 1, rows.size());
        Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());
        java.util.Set<String> claimed = new java.util.HashSet<>();
        List<String> rels = new ArrayList<>();
        try (Stream<Path> s = Files.walk(in)) {
            s.filter(Files::isRegularFile).forEach(p -> rels.add(in.relativize(p).toString()));
        }
        rels.sort(null);
        int checked = 0;
        for (String rel : rels) {
            for (int k = 0; k < 2; k++) {
                String name = io.augment4j.api.batch.OutputNames.name(rel, k, claimed);
                if (rel.endsWith("broken.png")) {
                    continue;
                }
                Applied a = pipeline.applyRecorded(Sample.of(ImageFiles.read(in.resolve(rel)).image()),
                        PathSeeds.rngFor(5, rel, k));
                Path local = dir.resolve("local").resolve(name);
                Files.createDirectories(local.getParent());
                ImageFiles.write(a.sample().image(), local);
                assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(out.resolve(name)), name);
                checked++;
            }
        }
        assertEquals(50, checked);
        assertTrue(Files.exists(out.resolve("s1/img4_png_aug1.png")));
        try (Stream<Path> s = Files.walk(out)) {
            assertEquals(50, s.filter(Files::isRegularFile).count(), "the outputs only: no .crc, no temporary file");
        }
        Row bad = rows.stream().filter(r -> r.getInt(1) == -1).findFirst().orElseThrow();
        assertTrue(bad.getString(5).startsWith(root + "s2/broken.png: not an image"), bad.getString(5));
        assertEquals(50, rows.stream().filter(r -> r.getBoolean(3)).count());

        List<Row> again = aug.writeTo(images, out.toString()).collectAsList();
        assertEquals(0, again.stream().filter(r -> r.getBoolean(3)).count(), "a re-run keeps finished outputs");
        assertEquals(51, again.size());
    }
}
