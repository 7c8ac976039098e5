package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatPool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Java against Python cv2, op by op, in short windows that take turns: each round times one window of
 * {@code bench_cv2.py --serve} (a Python process kept open) and one window of the same op here (native in/out, as
 * {@link OpBenchmark#nativeIO}), in alternating order, and takes their ratio. The median of the per-round ratios
 * is reported with its quartiles. Two windows a second apart see nearly the same machine, so a slow spell of a
 * shared machine moves both sides of a round's ratio, where it moves separate runs' means apart.
 *
 * <p>Both sides time the same pixels: Python makes each size's input (synthetic, or a photo resized as
 * {@link Inputs} does) and saves it, and this side loads that PNG.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.Duel [--ops rotate,...,pipeline9] [--sizes 224,512] [--rounds 11]
 *     [--window 0.5] [--input synthetic|chelsea|PATH (%d: the size)] [--python benchmarks/python/run.sh]</pre>
 */
public final class Duel {
    private final BufferedReader fromPython;
    private final PrintWriter toPython;

    private Duel(Process python) {
        this.fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        this.toPython = new PrintWriter(python.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        MainArgs opts = MainArgs.parse(args, "ops", "rotate,crop_resize,gaussian_blur,grid_distortion,elastic,"
                        + "normalize,pipeline9", "sizes", "224,512", "rounds", "11", "window", "0.5",
                "input", "synthetic", "python", "benchmarks/python/run.sh");
        int rounds = opts.getInt("rounds");
        double window = opts.getDouble("window");
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        // Single-threaded OpenCV on both sides, as in the other benchmarks.
        org.opencv.core.Core.setNumThreads(1);
        TransformRegistry registry = TransformRegistry.discover();
        Process python = new ProcessBuilder(opts.get("python"), "--serve", "--threads", "1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path dir = Files.createTempDirectory("duel");
        try {
            Duel duel = new Duel(python);
            System.out.printf(Locale.ROOT, "Duel: %s input, %d rounds of a %.2f s window each side, native in/out, "
                    + "1 thread; ratio = Java / Python images/s per round. CPU: %s, load %s%n%n", opts.get("input"),
                    rounds, window, Compare.cpuModel(), Compare.loadAvg());
            System.out.println("| op | size | Python (median) | Java (median) | ratio, median | ratio, quartiles |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (String s : opts.get("sizes").split(",")) {
                int size = Integer.parseInt(s.trim());
                Path png = dir.resolve("input-" + size + ".png");
                duel.ask("image " + size + " " + source(opts.get("input"), size) + " " + png);
                ArrayImage image = Inputs.load(png.toString(), size);
                try (MatImage nat = MatImage.copyOf(image)) {
                    Sample in = Sample.of(nat);
                    for (String op : opts.get("ops").split(",")) {
                        String name = op.trim();
                        Pipeline p = name.equals(BenchOps.PIPELINE9)
                                ? Pipeline.compile(BenchOps.pipeline9(), registry, true)
                                : Pipeline.compile(BenchOps.get(name).pipelineSpec(size), registry);
                        duel.report(name, size, p, in, rounds, window);
                    }
                }
            }
        } finally {
            python.getOutputStream().close();
            python.waitFor();
            MatPool.clearThread();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A bundled sample's file, a path with {@code %d} filled in by the size, or the argument itself. */
    private static String source(String input, int size) {
        if (input.equals("synthetic")) {
            return input;
        }
        return Inputs.resolve(input, size).toAbsolutePath().toString();
    }

    /** Warms both sides up, runs the rounds and prints the table row. */
    private void report(String op, int size, Pipeline p, Sample in, int rounds, double window) throws IOException {
        long[] index = {0};
        for (int w = 0; w < 3; w++) {
            python(op, size, window);
            java(p, in, window, index);
        }
        double[] py = new double[rounds];
        double[] jv = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // Alternate which side goes first, so a trend over the rounds does not favour one.
            if (r % 2 == 0) {
                py[r] = python(op, size, window);
                jv[r] = java(p, in, window, index);
            } else {
                jv[r] = java(p, in, window, index);
                py[r] = python(op, size, window);
            }
            ratio[r] = jv[r] / py[r];
        }
        Arrays.sort(py);
        Arrays.sort(jv);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.2fx | %.2f-%.2fx |%n", op, size,
                Compare.fmt(median(py)), Compare.fmt(median(jv)), median(ratio), quantile(ratio, 0.25),
                quantile(ratio, 0.75));
    }

    /** Images/s of Python's window. */
    private double python(String op, int size, double window) throws IOException {
        String answer = ask("time " + op + " " + size + " " + window);
        return Double.parseDouble(answer.substring(3).trim());
    }

    /** Images/s of this side's window: the next sample indices, native in, outputs closed at once. */
    private static double java(Pipeline p, Sample in, double window, long[] index) {
        long t0 = System.nanoTime();
        long end = t0 + (long) (window * 1e9);
        long calls = 0;
        long t;
        do {
            Sample out = p.applyNative(in, Rng.forSample(BenchOps.SEED, index[0]++));
            if (out != in) {
                out.close();
            }
            calls++;
            t = System.nanoTime();
        } while (t < end);
        return calls / ((t - t0) / 1e9);
    }

    /** Sends one command and returns its "ok ..." answer; an error answer or a closed pipe stops the run. */
    private String ask(String command) throws IOException {
        toPython.println(command);
        String answer = fromPython.readLine();
        if (answer == null) {
            throw new IOException("bench_cv2.py --serve ended before answering '" + command + "'");
        }
        if (!answer.startsWith("ok")) {
            throw new IOException("bench_cv2.py --serve answered '" + answer + "' to '" + command + "'");
        }
        return answer;
    }

    private static double median(double[] sorted) {
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between the order statistics of {@code sorted}. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
