package io.augment4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.data.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aug tune}: a study from a study file, its report, its final test run, and its user errors. */
class TuneCliTest {

    @TempDir Path work;

    private void bands(Path dir, String prefix, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int k = 0; k < 64; k++) {
                double v = (k / 8 * 3 / 8 == labels[i] ? 160 : 80) + 50 * r.nextGaussian();
                px[i * 64 + k] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        IdxFiles.write(px, labels, 8, 8, dir.resolve(prefix + "-images.idx"), dir.resolve(prefix + "-labels.idx"),
                false);
    }

    private Path study() throws IOException {
        return Files.writeString(work.resolve("study.yaml"), """
                name: cli-study
                config:
                  data:
                    type: idx
                    train_images: bands-images.idx
                    train_labels: bands-labels.idx
                    test_images: test-images.idx      # written only before --final
                    test_labels: test-labels.idx
                  split: {val: 0.25}
                  model: {dense: [{units: 8}]}
                  epochs: 2
                  batch_size: 32
                  workers: 0
                  progress: false
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-3, 1.0e-1]}
                trials: 3
                seed: 5
                """);
    }

    @Test
    void tuneReportAndFinal() throws IOException {
        bands(work, "bands", 240, 1);
        Path file = study();
        Path dir = work.resolve("out");
        Fixtures.Run run = Fixtures.aug("tune", "--config", file.toString(), "--out", dir.toString(), "--parallel", "2");
        assertEquals(0, run.code(), run.toString());
        List<String> csv = Files.readAllLines(dir.resolve("trials.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",complete,")), csv.toString());
        assertTrue(Files.isRegularFile(dir.resolve("best.yaml")));

        Files.delete(dir.resolve("report.md"));
        run = Fixtures.aug("tune", "--report", dir.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("3 trial(s): 3 complete"));

        run = Fixtures.aug("tune", "--config", file.toString(), "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("already holds a study: continue it with aug tune --resume"), run.toString());

        run = Fixtures.aug("tune", "--resume", dir.toString());
        assertEquals(0, run.code(), run.toString());
        assertEquals(csv, Files.readAllLines(dir.resolve("trials.csv")), "a finished study resumes to itself");
        run = Fixtures.aug("tune", "--resume", dir.toString(), "--trials", "4");
        assertEquals(0, run.code(), run.toString());
        List<String> more = Files.readAllLines(dir.resolve("trials.csv"));
        assertEquals(csv, more.subList(0, 4), "the first three trials stay as they were");
        assertTrue(more.size() == 5 && more.get(4).startsWith("3,complete,"), more.toString());

        bands(work, "test", 60, 2);
        run = Fixtures.aug("tune", "--final", dir.toString());
        assertEquals(0, run.code(), run.toString());
        String report = Files.readString(dir.resolve("final/report.md"));
        assertTrue(report.contains("## Test set (reported apart)") && report.contains("on 60 examples"), report);
        assertTrue(Files.readString(dir.resolve("final/final.yaml")).startsWith("# aug tune --final: Final run (final):"
                + " trial "));

        run = Fixtures.aug("tune", "--final", dir.toString(), "--train-on", "train+val");
        assertEquals(0, run.code(), run.toString());
        report = Files.readString(dir.resolve("final-trainval/report.md"));
        assertTrue(report.contains("(trained on: split.merge_val)") && report.contains("on 60 examples"), report);
        String yaml = Files.readString(dir.resolve("final-trainval/final.yaml"));
        assertTrue(yaml.contains("merge_val: true") && yaml.contains("trained on train + validation for "), yaml);

        run = Fixtures.aug("tune", "--final", dir.toString(), "--full", "--train-on", "train+val");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("do not combine"), run.toString());
    }

    @Test
    void userErrorsAreLocatedMessages() throws IOException {
        Fixtures.Run run = Fixtures.aug("tune", "--resume", work.resolve("nothing").toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().startsWith("aug: ") && run.err().contains("holds no study"), run.toString());

        Path bad = Files.writeString(work.resolve("bad.yaml"), """
                config: {data: {type: idx, train_images: x.idx, train_labels: y.idx}, model: {}}
                search:
                  optimizer.learning_rat: {log_uniform: [1.0e-3, 1.0e-1]}
                """);
        run = Fixtures.aug("tune", "--config", bad.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("bad.yaml:"), run.toString());

        run = Fixtures.aug("tune", "--report", work.toString(), "--full");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("--full and --train-on go with --final DIR"), run.toString());
        run = Fixtures.aug("tune", "--final", work.toString(), "--train-on", "val");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("--train-on is train or train+val, got 'val'"), run.toString());

        run = Fixtures.aug("tune", "--final", work.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("holds no study"), run.toString());
        assertFalse(Files.exists(work.resolve("final")));
    }
}
