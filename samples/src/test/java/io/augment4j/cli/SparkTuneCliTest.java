package io.augment4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.data.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aug tune --engine spark} (local[2]): the local engine's trials, a resume on Spark, and the engine errors. */
class SparkTuneCliTest {

    @TempDir Path work;

    private Path study() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        int n = 240;
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int k = 0; k < 64; k++) {
                double v = (k / 8 * 3 / 8 == labels[i] ? 160 : 80) + 50 * r.nextGaussian();
                px[i * 64 + k] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        IdxFiles.write(px, labels, 8, 8, work.resolve("bands-images.idx"), work.resolve("bands-labels.idx"), false);
        return Files.writeString(work.resolve("study.yaml"), """
                name: spark-cli-study
                config:
                  data: {type: idx, train_images: bands-images.idx, train_labels: bands-labels.idx}
                  split: {val: 0.25}
                  model: {dense: [{units: 8}]}
                  epochs: 2
                  batch_size: 32
                  workers: 0
                  progress: false
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-3, 1.0e-1]}
                trials: 2
                seed: 5
                """);
    }

    /** trials.csv without its seconds column (wall time differs from run to run). */
    private static List<String> results(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("trials.csv"));
        int seconds = Arrays.asList(lines.get(0).split(",", -1)).indexOf("seconds");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(seconds);
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test
    void aStudyOnSparkGivesTheLocalTrialsAndResumesThere() throws IOException {
        Path file = study();
        Fixtures.Run run = Fixtures.aug("tune", "--config", file.toString(), "--out", work.resolve("local").toString(),
                "--trials", "3");
        assertEquals(0, run.code(), run.toString());
        Path spark = work.resolve("spark");
        run = Fixtures.aug("tune", "--config", file.toString(), "--out", spark.toString(), "--engine", "spark",
                "--master", "local[2]", "--parallel", "2");
        assertEquals(0, run.code(), run.toString());
        assertEquals(3, results(spark).size(), results(spark).toString());
        run = Fixtures.aug("tune", "--resume", spark.toString(), "--trials", "3", "--engine", "spark",
                "--master", "local[2]");
        assertEquals(0, run.code(), run.toString());
        List<String> local = results(work.resolve("local"));
        assertEquals(4, local.size(), local.toString());
        assertTrue(local.stream().skip(1).allMatch(l -> l.contains(",complete,")), local.toString());
        assertEquals(local, results(spark));
    }

    @Test
    void engineMistakesAreUsageErrors() throws IOException {
        Path file = study();
        Fixtures.Run run = Fixtures.aug("tune", "--config", file.toString(), "--out", work.resolve("a").toString(),
                "--master", "local[2]");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("--master is for --engine spark"), run.toString());
        run = Fixtures.aug("tune", "--config", file.toString(), "--out", work.resolve("b").toString(),
                "--engine", "flink");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("unknown --engine 'flink'; available: local, spark"), run.toString());
    }
}
