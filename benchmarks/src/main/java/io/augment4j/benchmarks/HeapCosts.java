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
import java.util.Locale;

/**
 * What heap images cost over native ones, in one process: per op (or {@code pipeline9}, fused) and size, the CPU time
 * per call of the three modes of {@link OpBenchmark}, native in/out, heap in/out ({@link Pipeline#apply}, a new
 * output array per call) and heap in with the output copied into a reused array ({@link Pipeline#applyNative} then
 * {@link io.augment4j.api.Image#copyTo(byte[])}). The modes take turns within each round on the same sample
 * indices; the minimum over rounds is reported, with each heap mode's time over native's. JMH's intervals on a
 * shared 2-core machine (+-20-50 %) cannot resolve these 5-25 % differences.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.HeapCosts [--sizes 224,512] [--ops hflip,...,pipeline9] [--rounds 15]
 *     [--ms 60] [--input chelsea]</pre>
 */
public final class HeapCosts {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] MODES = {"native", "heap", "heap, reused"};

    private HeapCosts() {
    }

    public static void main(String[] args) {
        MainArgs opts = MainArgs.parse(args, "sizes", "224,512", "ops",
                "hflip,rotate,crop_resize,gaussian_blur,grid_distortion,elastic,normalize,pipeline9",
                "rounds", "15", "ms", "60", "input", "chelsea");
        int rounds = opts.getInt("rounds");
        double ms = opts.getDouble("ms");
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        TransformRegistry registry = TransformRegistry.discover();
        System.out.printf(Locale.ROOT, "HeapCosts: %s, CPU time per call (us), min of %d rounds of ~%.0f ms per mode%n%n",
                opts.get("input"), rounds, ms);
        System.out.println("| op | size | native | heap | heap, reused | heap / native | reused / native |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String s : opts.get("sizes").split(",")) {
            int size = Integer.parseInt(s.trim());
            ArrayImage image = Inputs.load(opts.get("input"), size);
            Sample heap = Sample.of(image);
            Sample nat = Sample.of(MatImage.copyOf(image));
            for (String op : opts.get("ops").split(",")) {
                String name = op.trim();
                Pipeline p = name.equals(BenchOps.PIPELINE9)
                        ? Pipeline.compile(BenchOps.pipeline9(), registry, true)
                        : Pipeline.compile(BenchOps.get(name).pipelineSpec(size), registry);
                double[] best = measure(p, heap, nat, rounds, ms);
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2f | %.2f |%n", name, size,
                        best[0], best[1], best[2], best[1] / best[0], best[2] / best[0]);
            }
            nat.close();
        }
        MatPool.clearThread();
    }

    /** Minimum CPU microseconds per call of each mode over {@code rounds} rounds (two more warm up). */
    private static double[] measure(Pipeline p, Sample heap, Sample nat, int rounds, double ms) {
        Outputs outputs = new Outputs();
        int calls = Math.max(10, (int) (ms * 1e3 / time(p, heap, nat, outputs, 0, 20)));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = -2; r < rounds; r++) {
            for (int mode = 0; mode < MODES.length; mode++) {
                double us = time(p, heap, nat, outputs, mode, calls);
                if (r >= 0) {
                    best[mode] = Math.min(best[mode], us);
                }
            }
        }
        return best;
    }

    /** CPU microseconds per call of {@code mode} over sample indices {@code 0 .. calls - 1}. */
    private static double time(Pipeline p, Sample heap, Sample nat, Outputs outputs, int mode, int calls) {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            Rng rng = Rng.forSample(BenchOps.SEED, i);
            switch (mode) {
                case 0 -> {
                    Sample out = p.applyNative(nat, rng);
                    if (out != nat) {
                        out.close();
                    }
                }
                case 1 -> p.apply(heap, rng);
                default -> outputs.take(p.applyNative(heap, rng), heap);
            }
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / calls;
    }
}
