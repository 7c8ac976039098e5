package io.augment4j.spark;

import io.augment4j.api.Sample;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.OutputNames;
import io.augment4j.api.batch.PathSeeds;
import io.augment4j.api.batch.TaskListener;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * local-cluster[2,1,1024]: two executor JVMs started by a standalone worker, as on a real cluster. Their class
 * path is SPARK_HOME/jars (made here from this JVM's jars) plus this module's classes.
 */
class SparkClusterTest {
    @TempDir
    Path dir;

    /** Returns the id of the JVM it ran in. */
    record Pid(int i) implements BatchTask<Long> {
        @Override
        public String name() {
            return "task " + i;
        }

        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }

    static void sparkHome() throws IOException {
        Path home = Path.of(System.getenv("SPARK_HOME"));
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        Files.writeString(home.resolve("RELEASE"), "augment4j test SPARK_HOME\n");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            Path link = jars.resolve(p.getFileName().toString());
            if (entry.endsWith(".jar") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
    }

    @Test
    void executorJvmsWriteTheSameBytesAsThisOne() throws Exception {
        sparkHome();
        // class folders (this module's, and the reactor's when built without packaging) are not in SPARK_HOME/jars
        List<String> folders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                folders.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        String classes = String.join(File.pathSeparator, folders);
        System.setProperty("spark.executor.extraClassPath", classes);
        BatchExecutor executor = BatchExecutorProvider.named("spark", getClass().getClassLoader()).orElseThrow()
                .create(Map.of("master", "local-cluster[2,1,1024]"));
        try {
            SparkSession spark = SparkSession.active();
            List<Pid> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(new Pid(i));
            }
            Map<String, Long> pids = new ConcurrentHashMap<>();
            executor.run(tasks, new TaskListener<>() {
                @Override
                public void succeeded(BatchTask<Long> task, Long result) {
                    pids.put(task.name(), result);
                }

                @Override
                public void failed(BatchTask<Long> task, Exception error) {
                    throw new AssertionError(task.name(), error);
                }
            });
            assertEquals(8, pids.size());
            assertFalse(pids.containsValue(ProcessHandle.current().pid()), "tasks ran in executor JVMs");

            Path in = dir.resolve("in");
            Files.createDirectories(in);
            for (int i = 0; i < 10; i++) {
                Files.write(in.resolve("img" + i + (i % 2 == 0 ? ".jpg" : ".png")), SparkEngineTest.png(30, 20 + i, i));
            }
            PipelineSpec spec = Specs.parse(SparkEngineTest.SPEC, "test");
            String root = in.toUri().toString().replaceFirst("^file:///", "file:/");
            Dataset<Row> images = spark.read().format("binaryFile").load(in.toString());
            Path out = dir.resolve("out");
            List<Row> rows = SparkAugment.of(spec).copies(2).relativeTo(root).writeTo(images, out.toString())
                    .collectAsList();
            assertEquals(20, rows.stream().filter(r -> r.getBoolean(3)).count());

            Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());
            Set<String> claimed = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                String rel = "img" + i + (i % 2 == 0 ? ".jpg" : ".png");
                Sample sample = Sample.of(ImageFiles.read(in.resolve(rel)).image());
                for (int k = 0; k < 2; k++) {
                    String name = OutputNames.name(rel, k, claimed);
                    byte[] local = ImageFiles.encode(pipeline.applyRecorded(sample, PathSeeds.rngFor(5, rel, k))
                            .sample().image(), OutputNames.format(name));
                    assertArrayEquals(local, Files.readAllBytes(out.resolve(name)), name);
                }
            }
            assertTrue(Files.isDirectory(out));
        } finally {
            executor.close();
            System.clearProperty("spark.executor.extraClassPath");
        }
    }
}
