package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the 9-op pipeline ({@link BenchOps#pipeline9()}, bench_cv2.py's {@code pipeline9}) with warp
 * fusion on and off, native in/out, heap in/out and heap into a reused array (see {@link OpBenchmark} for the three
 * modes).
 *
 * <p>Thread scaling: run once with {@code -t 1} and once with {@code -t 2} (run.sh does); JMH then reports the
 * summed throughput of all threads. Every thread has its own state: its own input, sample counter and (through
 * the per-thread {@link MatPool}) its own buffers; the compiled pipeline is shared, as a training loader would
 * share it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PipelineBenchmark {
    /** The compiled pipeline, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** Warp fusion of the leading geometric steps. */
        @Param({"true", "false"})
        public boolean fuse;

        Pipeline pipeline;

        @Setup(Level.Trial)
        public void setup() {
            // Single-threaded OpenCV, as the Python baseline (cv2.setNumThreads(1)): a fair one-core comparison.
            io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
            org.opencv.core.Core.setNumThreads(1);
            pipeline = Pipeline.compile(BenchOps.pipeline9(), TransformRegistry.discover(), fuse);
        }
    }

    /** Per-thread input and sample counter. */
    @State(Scope.Thread)
    public static class PerThread {
        /** Square input side in pixels. */
        @Param({"224", "512"})
        public int size;

        /** The input image; see {@link Inputs#load}. */
        @Param("chelsea")
        public String input;

        Sample heapInput;
        Sample nativeInput;
        long index;
        final Outputs outputs = new Outputs();

        @Setup(Level.Trial)
        public void setup() {
            ArrayImage image = Inputs.load(input, size);
            heapInput = Sample.of(image);
            nativeInput = Sample.of(MatImage.copyOf(image));
            // Threads draw disjoint sample indices, as loader workers would.
            index = Thread.currentThread().getId() << 40;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            nativeInput.close();
            MatPool.clearThread();
        }
    }

    /** Native in, native out (closed at once). */
    @Benchmark
    public Object nativeIO(Shared s, PerThread t) {
        Sample out = s.pipeline.applyNative(t.nativeInput, Rng.forSample(BenchOps.SEED, t.index++));
        if (out != t.nativeInput) {
            out.close();
        }
        return out;
    }

    /** Heap image in, heap image out. */
    @Benchmark
    public Sample heapIO(Shared s, PerThread t) {
        return s.pipeline.apply(t.heapInput, t.index++);
    }

    /** Heap image in, output copied into this thread's reused array ({@link Outputs}). */
    @Benchmark
    public Object heapInto(Shared s, PerThread t) {
        return t.outputs.take(s.pipeline.applyNative(t.heapInput, Rng.forSample(BenchOps.SEED, t.index++)),
                t.heapInput);
    }
}
