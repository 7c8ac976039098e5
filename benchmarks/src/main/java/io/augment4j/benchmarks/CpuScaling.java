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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Thread scaling of pipeline9 on a machine whose cores are shared: besides wall-clock throughput (what JMH's
 * {@code -t 2} run measures, and what only a quiet machine can show), it measures the <em>CPU time</em> each image
 * costs on each thread. If an image costs the same CPU time with 2 threads as with 1, the pipeline has no
 * contention of its own (locks, shared buffers, memory bandwidth, GC), and on free cores 2 threads give
 * {@code 2 x (images per CPU-second at 2) / (images per CPU-second at 1)} times the throughput: that estimate is
 * printed as "CPU-bound scaling".
 *
 * <pre>java -cp ... io.augment4j.benchmarks.CpuScaling [--threads 2] [--seconds 10] [--size 224] [--fuse true]
 *     [--mode native|heap] [--input chelsea]</pre>
 */
public final class CpuScaling {
    private CpuScaling() {
    }

    /** Images done and thread CPU nanoseconds used, per thread. */
    record Run(double wallSeconds, long images, long cpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        int threads = 2;
        double seconds = 10;
        int size = 224;
        boolean fuse = true;
        String mode = "native";
        String input = "chelsea";
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(v);
                case "--seconds" -> seconds = Double.parseDouble(v);
                case "--size" -> size = Integer.parseInt(v);
                case "--fuse" -> fuse = Boolean.parseBoolean(v);
                case "--mode" -> mode = v;
                case "--input" -> input = v;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Pipeline pipeline = Pipeline.compile(BenchOps.pipeline9(), TransformRegistry.discover(), fuse);
        ArrayImage image = Inputs.load(input, size);
        boolean heap = mode.equals("heap");
        System.out.printf(Locale.ROOT, "CpuScaling: pipeline9 fuse=%s %dx%d mode=%s, %.0f s per run; cores online %d%n",
                fuse, size, size, mode, seconds, Runtime.getRuntime().availableProcessors());
        run(pipeline, image, heap, 1, Math.min(3, seconds)); // warm-up
        Run one = run(pipeline, image, heap, 1, seconds);
        report(1, one, one);
        Run many = run(pipeline, image, heap, threads, seconds);
        report(threads, many, one);
    }

    private static void report(int threads, Run r, Run one) {
        double wall = r.images() / r.wallSeconds();
        double perCpu = r.images() / (r.cpuNanos() / 1e9);
        double perCpuOne = one.images() / (one.cpuNanos() / 1e9);
        System.out.printf(Locale.ROOT, "%d thread(s): %.0f images/s wall (%.2fx of 1 thread), %.0f images per CPU-second,"
                        + " CPU used %.0f %% of %d thread(s) x wall; CPU-bound scaling %.2fx%n", threads, wall,
                wall / (one.images() / one.wallSeconds()), perCpu,
                100.0 * r.cpuNanos() / 1e9 / (threads * r.wallSeconds()), threads, threads * perCpu / perCpuOne);
    }

    private static Run run(Pipeline pipeline, ArrayImage image, boolean heap, int threads, double seconds)
            throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicBoolean stop = new AtomicBoolean();
        long[] images = new long[threads];
        long[] cpu = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                Sample heapIn = Sample.of(image);
                Sample nativeIn = Sample.of(MatImage.copyOf(image));
                long index = (long) id << 40;
                try {
                    start.await();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long n = 0;
                    while (!stop.get()) {
                        if (heap) {
                            pipeline.apply(heapIn, index++);
                        } else {
                            Sample out = pipeline.applyNative(nativeIn, Rng.forSample(BenchOps.SEED, index++));
                            if (out != nativeIn) {
                                out.close();
                            }
                        }
                        n++;
                    }
                    cpu[id] = mx.getCurrentThreadCpuTime() - c0;
                    images[id] = n;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    nativeIn.close();
                    MatPool.clearThread();
                }
            });
            w.start();
            workers.add(w);
        }
        start.await();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long n = 0;
        long c = 0;
        for (int t = 0; t < threads; t++) {
            n += images[t];
            c += cpu[t];
        }
        return new Run(wall, n, c);
    }
}
