package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatPool;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where pipeline9's time goes, step by step, in one process: each step alone (applied, {@code p = 1}) and its
 * parameter sampling alone, the fused geometric run, and the whole pipeline fused and unfused. Times are the
 * calling thread's CPU time per call (less disturbed by other processes than wall time), the minimum over rounds;
 * cases take turns within each round so that all see the same load. "expected" is what the step adds to an average
 * image of pipeline9 ({@code p x} its time); the fused geometric run already includes its {@code p} draws.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.StepCosts [--sizes 224,512] [--rounds 7] [--ms 300] [--input chelsea]</pre>
 */
public final class StepCosts {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StepCosts() {
    }

    /** One timed case: something done per call, with the weight it has in an average pipeline9 image. */
    private record Case(String name, double weight, Runnable call) {
    }

    public static void main(String[] args) {
        MainArgs opts = MainArgs.parse(args, "sizes", "224,512", "rounds", "7", "ms", "300", "input", "chelsea");
        String sizes = opts.get("sizes");
        int rounds = opts.getInt("rounds");
        double ms = opts.getDouble("ms");
        String input = opts.get("input");
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        TransformRegistry registry = TransformRegistry.discover();
        System.out.printf(Locale.ROOT, "StepCosts: pipeline9, %s, CPU time per call (min of %d rounds of ~%.0f ms), "
                + "%s%n", input, rounds, ms, System.getProperty("os.arch"));
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            report(size, measure(cases(registry, Inputs.load(input, size)), rounds, ms));
        }
    }

    private static List<Case> cases(TransformRegistry registry, ArrayImage image) {
        Sample in = Sample.of(MatImage.copyOf(image));
        List<Case> out = new ArrayList<>();
        List<Node> steps = BenchOps.pipeline9().root().steps();
        long[] index = {0};
        for (Node n : steps) {
            Step step = (Step) n;
            Transform<?> t = registry.create(step.transform(), step.params());
            out.add(new Case(step.transform() + " sample", 0, () -> t.sample(in, Rng.forSample(1, index[0]++))));
            Pipeline one = Pipeline.compile(PipelineSpec.of(step.withP(1.0)).withSeed(BenchOps.SEED), registry);
            out.add(new Case(step.transform(), step.p(), () -> run(one, in, index[0]++)));
        }
        Pipeline geo = Pipeline.compile(PipelineSpec.of(steps.subList(0, 5).toArray(Node[]::new))
                .withSeed(BenchOps.SEED), registry, true);
        out.add(new Case("geometric run, fused (p draws included)", 1, () -> run(geo, in, index[0]++)));
        Pipeline fused = Pipeline.compile(BenchOps.pipeline9(), registry, true);
        Pipeline unfused = Pipeline.compile(BenchOps.pipeline9(), registry, false);
        out.add(new Case("pipeline9 fused", 0, () -> run(fused, in, index[0]++)));
        out.add(new Case("pipeline9 unfused", 0, () -> run(unfused, in, index[0]++)));
        return out;
    }

    private static void run(Pipeline p, Sample in, long index) {
        Sample out = p.applyNative(in, Rng.forSample(p.seed(), index));
        if (out != in) {
            out.close();
        }
    }

    /** Per case, the minimum over rounds of the CPU nanoseconds per call. */
    private static Map<Case, Double> measure(List<Case> cases, int rounds, double ms) {
        Map<Case, Double> best = new LinkedHashMap<>();
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            for (Case c : cases) {
                long budget = (long) (ms * 1e6 / cases.size() * 4);
                long start = CPU.getCurrentThreadCpuTime();
                long calls = 0;
                long used;
                do {
                    for (int k = 0; k < 8; k++) {
                        c.call().run();
                    }
                    calls += 8;
                    used = CPU.getCurrentThreadCpuTime() - start;
                } while (used < budget);
                if (r >= 0) {
                    best.merge(c, (double) used / calls, Math::min);
                }
            }
        }
        MatPool.clearThread();
        return best;
    }

    private static void report(int size, Map<Case, Double> best) {
        System.out.printf(Locale.ROOT, "%n%dx%d%n%-42s %12s %12s%n", size, size, "case", "us/call", "expected us");
        double sum = 0;
        for (Map.Entry<Case, Double> e : best.entrySet()) {
            Case c = e.getKey();
            double us = e.getValue() / 1e3;
            double expected = c.weight() * us;
            if (c.weight() > 0 && !c.name().startsWith("geometric")) {
                sum += expected;
            }
            System.out.printf(Locale.ROOT, "%-42s %12.1f %12s%n", c.name(), us,
                    c.weight() > 0 ? String.format(Locale.ROOT, "%.1f", expected) : "");
        }
        System.out.printf(Locale.ROOT, "%-42s %12s %12.1f%n", "sum of p x step (unfused estimate)", "", sum);
    }
}
