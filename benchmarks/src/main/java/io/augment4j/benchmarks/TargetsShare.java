package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatPool;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The share of {@link TargetsBenchmark} measured in one process, for machines where JMH's iterations vary more than
 * the share itself (on a shared 2-core VM, +-20-45 % per 1 s iteration against a 5 % goal): per pipeline and size,
 * the image-only sample and the sample with targets take turns within each round (so both see the same load), each
 * case runs the same sample indices (the same sampled parameters), and the figure is the calling thread's CPU time
 * per call ({@code --calls} per case and round at 224, scaled by the pixel count at other sizes). Two estimates of the
 * share: from the minimum time of each case over the rounds, and the median over rounds of each round's own share
 * (the two cases of a round ran back to back, so a slow spell of the machine mostly hits both). Same pipelines,
 * input and targets as {@link TargetsBenchmark}.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.TargetsShare [--sizes 224]
 *     [--pipelines geometric,grid_distortion,elastic,optical_distortion] [--rounds 31] [--calls 150] [--input chelsea]</pre>
 */
public final class TargetsShare {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TargetsShare() {
    }

    public static void main(String[] args) {
        MainArgs opts = MainArgs.parse(args, "sizes", "224", "pipelines",
                "geometric,grid_distortion,elastic,optical_distortion",
                "rounds", "31", "calls", "150", "input", "chelsea");
        String sizes = opts.get("sizes");
        String pipelines = opts.get("pipelines");
        int rounds = opts.getInt("rounds");
        int calls = opts.getInt("calls");
        String input = opts.get("input");
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        TransformRegistry registry = TransformRegistry.discover();
        System.out.printf(Locale.ROOT, "TargetsShare: %s, %d boxes + %d keypoints, CPU time per call, min of %d "
                + "rounds of %d calls per case at 224%n%n", input, TargetsBenchmark.BOXES, TargetsBenchmark.KEYPOINTS,
                rounds, calls);
        System.out.println("| pipeline | size | image only (us, min) | with targets (us, min) | share of mins "
                + "| median share per round | < 5 % |");
        System.out.println("|---|---:|---:|---:|---:|---:|:-:|");
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            ArrayImage image = Inputs.load(input, size);
            for (String name : pipelines.split(",")) {
                Pipeline pipeline = Pipeline.compile(TargetsBenchmark.spec(name.trim(), size), registry, true);
                Sample none = Sample.of(MatImage.copyOf(image));
                Sample person = TargetsBenchmark.personTargets(none, size);
                pipeline.requireTargets(person.targets());
                // The same time per round at every size: fewer calls on larger images.
                int n = Math.max(20, (int) ((long) calls * 224 * 224 / ((long) size * size)));
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
                double[] shares = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] t = new double[2];
                    for (int c = 0; c < 2; c++) {
                        t[c] = perCall(pipeline, c == 0 ? none : person, n);
                        best[c] = Math.min(best[c], t[c]);
                    }
                    shares[r] = (t[1] - t[0]) / t[0];
                }
                double share = (best[1] - best[0]) / best[0];
                Arrays.sort(shares);
                double median = shares[rounds / 2];
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f %% | %.1f %% | %s |%n", name.trim(),
                        size, best[0], best[1], 100 * share, 100 * median, median < 0.05 ? "yes" : "**no**");
                none.close();
            }
        }
        MatPool.clearThread();
    }

    /** CPU microseconds per call over {@code calls} calls of sample indices 0, 1, ... (native in, closed out). */
    private static double perCall(Pipeline pipeline, Sample in, int calls) {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            Sample out = pipeline.applyNative(in, Rng.forSample(BenchOps.SEED, i));
            if (out != in) {
                out.close();
            }
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / calls;
    }
}
