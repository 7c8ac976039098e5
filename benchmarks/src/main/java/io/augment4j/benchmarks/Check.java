package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fail-fast check before a long JMH run: compiles every requested op of {@link BenchOps} (and pipeline9, fused and
 * unfused) and applies it a few times at each size, printing the output shape. Ops whose transform is not
 * registered or that fail are reported on stderr; stdout gets the comma list of the ops that work, for run.sh.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.Check --ops a,b,c --sizes 224,512 [--input chelsea]</pre>
 */
public final class Check {
    private Check() {
    }

    public static void main(String[] args) {
        List<String> ops = BenchOps.all().stream().map(BenchOps.Op::name).toList();
        List<Integer> sizes = List.of(224, 512);
        String input = "chelsea";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ops" -> ops = List.of(args[++i].split(","));
                case "--sizes" -> sizes = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
                case "--input" -> input = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        TransformRegistry registry = TransformRegistry.discover();
        List<String> ok = new ArrayList<>();
        for (String name : ops) {
            if (name.isBlank()) {
                continue;
            }
            String problem = null;
            StringBuilder shapes = new StringBuilder();
            for (int size : sizes) {
                try {
                    ArrayImage img = Inputs.load(input, size);
                    if (name.equals(BenchOps.PIPELINE9)) {
                        for (boolean fuse : new boolean[] {true, false}) {
                            Pipeline p = Pipeline.compile(BenchOps.pipeline9(), registry, fuse);
                            shapes.append(' ').append(run(p, img));
                        }
                    } else {
                        Pipeline p = Pipeline.compile(BenchOps.get(name).pipelineSpec(size), registry);
                        shapes.append(' ').append(run(p, img));
                    }
                } catch (RuntimeException | LinkageError e) {
                    problem = e.toString();
                    break;
                }
            }
            if (problem == null) {
                ok.add(name);
                System.err.printf(Locale.ROOT, "check %-20s ok  ->%s%n", name, shapes);
            } else {
                System.err.printf(Locale.ROOT, "check %-20s FAILED: %s%n", name, problem);
            }
        }
        System.out.println(String.join(",", ok));
    }

    private static String run(Pipeline p, ArrayImage img) {
        Image last = null;
        long t0 = System.nanoTime();
        int n = 20;
        for (int i = 0; i < n; i++) {
            Sample out = p.apply(Sample.of(img), i);
            last = out.image();
        }
        double us = (System.nanoTime() - t0) / 1e3 / n;
        return String.format(Locale.ROOT, "%s (%.0f us)", last.describe(), us);
    }
}
