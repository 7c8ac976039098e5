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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Single-thread throughput (images/s) of each op of {@link BenchOps}, as a one-step pipeline.
 *
 * <ul>
 *   <li>{@link #nativeIO}: the way a step runs inside a pipeline: the input is already native (copied once in
 *       setup), {@link Pipeline#applyNative} runs the step, and the output is closed at once so its buffer returns
 *       to the {@link MatPool}. Parameter sampling and the pipeline's bookkeeping are included.</li>
 *   <li>{@link #heapIO}: what a caller with heap images pays for one op: {@link Pipeline#apply} from an
 *       {@link ArrayImage} to an {@link ArrayImage} (one copy in, one copy out, each a new Java array).</li>
 *   <li>{@link #heapInto}: the same with the output copied into an array the caller reuses
 *       ({@link Pipeline#applyNative}, then {@link io.augment4j.api.Image#copyTo(byte[])}): no new array, which the
 *       JVM would zero first.</li>
 * </ul>
 * Each call gets the same input and the next sample index, so parameters differ from call to call, as in
 * bench_cv2.py (one seeded generator, calls not chained).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OpBenchmark {
    /** An op of {@link BenchOps} (run.sh passes the list from the table; this default is every op). */
    @Param({"hflip", "vflip", "rotate", "shear", "affine", "perspective", "crop_resize", "random_resized_crop",
            "center_crop", "resize", "brightness", "contrast", "gamma", "saturation", "hue", "color_jitter",
            "rgb_shift", "channel_shuffle", "to_gray", "gaussian_noise", "salt_pepper", "speckle", "gaussian_blur",
            "motion_blur", "cutout", "grid_distortion", "elastic", "optical_distortion", "normalize",
            "random_erasing", "pad_if_needed"})
    public String op;

    /** Square input side in pixels. */
    @Param({"224", "512"})
    public int size;

    /** The input image; see {@link Inputs#load}. */
    @Param("chelsea")
    public String input;

    private Pipeline pipeline;
    private Sample heapInput;
    private Sample nativeInput;
    private long index;
    private final Outputs outputs = new Outputs();

    @Setup(Level.Trial)
    public void setup() {
        // Single-threaded OpenCV, as the Python baseline (cv2.setNumThreads(1)): a fair one-core comparison.
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        pipeline = Pipeline.compile(BenchOps.get(op).pipelineSpec(size), TransformRegistry.discover());
        ArrayImage image = Inputs.load(input, size);
        heapInput = Sample.of(image);
        nativeInput = Sample.of(MatImage.copyOf(image));
        // One call of each kind up front: a broken transform fails the trial here, with its message.
        nativeIO();
        heapIO();
        heapInto();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nativeInput.close();
        MatPool.clearThread();
    }

    /** One step, native in and native out; the output is closed (back to the pool). */
    @Benchmark
    public Object nativeIO() {
        Sample out = pipeline.applyNative(nativeInput, Rng.forSample(BenchOps.SEED, index++));
        if (out != nativeInput) {
            out.close();
        }
        return out;
    }

    /** One step from a heap image to a heap image. */
    @Benchmark
    public Sample heapIO() {
        return pipeline.apply(heapInput, index++);
    }

    /** One step from a heap image into the caller's reused array. */
    @Benchmark
    public Object heapInto() {
        return outputs.take(pipeline.applyNative(heapInput, Rng.forSample(BenchOps.SEED, index++)), heapInput);
    }
}
