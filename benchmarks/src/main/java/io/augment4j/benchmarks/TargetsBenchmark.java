package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What moving boxes and keypoints adds to the image work (issue 14: under 5 % at 224x224): the same pipeline on the
 * same input, once on an image-only sample ({@code targets=none}) and once on a sample carrying a COCO-person-like
 * set of targets ({@code targets=person}: {@link #BOXES} boxes and {@link #KEYPOINTS} keypoints, see
 * {@link #personTargets}). {@code targets.sh} runs both and prints {@code (person - none) / none} per pipeline and
 * size ({@link TargetsReport}).
 *
 * <p>Pipelines ({@link #spec}), each step's parameters taken from {@link BenchOps}:
 * <ul>
 *   <li>{@code geometric}: hflip (p = 0.5), affine, random_resized_crop, compiled with warp fusion, so the pixels
 *       are resampled once and the targets moved once through the fused matrix;</li>
 *   <li>{@code grid_distortion}, {@code elastic} and {@code optical_distortion}: one local warp each (p = 1), whose
 *       keypoints and box corners move through the numerical inverse of the backward map and whose boxes come from
 *       their moved outline (walked for the grid, scanned pixel by pixel for the other two), the expensive case.</li>
 * </ul>
 * Native in, native out (closed at once), single-threaded OpenCV, as {@link OpBenchmark#nativeIO}. Both variants
 * see the same sequence of sample indices, hence the same sampled parameters. The default
 * {@link io.augment4j.api.targets.TargetOptions} filter (clip, keypoints outside dropped) runs after each step, as
 * in any pipeline, and counts as target work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TargetsBenchmark {
    /** Boxes per sample in {@code targets=person}. */
    static final int BOXES = 10;
    /** Keypoints per sample in {@code targets=person} (one COCO person skeleton). */
    static final int KEYPOINTS = 17;

    private static final List<String> COCO_KEYPOINTS = List.of("nose", "left_eye", "right_eye", "left_ear",
            "right_ear", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
    /** The skeleton in the person box, as (x, y) fractions of its width and height, in COCO order. */
    private static final double[][] SKELETON = {
            {0.50, 0.08}, {0.45, 0.06}, {0.55, 0.06}, {0.40, 0.08}, {0.60, 0.08},
            {0.30, 0.22}, {0.70, 0.22}, {0.22, 0.38}, {0.78, 0.38}, {0.18, 0.52}, {0.82, 0.52},
            {0.38, 0.55}, {0.62, 0.55}, {0.36, 0.75}, {0.64, 0.75}, {0.35, 0.95}, {0.65, 0.95}};

    /** The pipeline; see {@link #spec}. */
    @Param({"geometric", "grid_distortion", "elastic", "optical_distortion"})
    public String pipeline;

    /** {@code none}: image only; {@code person}: {@link #personTargets}. */
    @Param({"none", "person"})
    public String targets;

    /** Square input side in pixels. */
    @Param({"224", "512"})
    public int size;

    /** The input image; see {@link Inputs#load}. */
    @Param("chelsea")
    public String input;

    private Pipeline compiled;
    private Sample nativeInput;
    private long index;

    @Setup(Level.Trial)
    public void setup() {
        // Single-threaded OpenCV, as the Python baseline (cv2.setNumThreads(1)).
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        compiled = Pipeline.compile(spec(pipeline, size), TransformRegistry.discover(), true);
        ArrayImage image = Inputs.load(input, size);
        Sample sample = Sample.of(MatImage.copyOf(image));
        switch (targets) {
            case "none" -> nativeInput = sample;
            case "person" -> {
                Sample withTargets = personTargets(sample, size);
                // Refuse up front a pipeline that cannot carry them, rather than timing an exception.
                compiled.requireTargets(withTargets.targets());
                nativeInput = withTargets;
            }
            default -> throw new IllegalArgumentException("unknown targets '" + targets + "'; known: none,person");
        }
        // One call up front: a broken transform fails the trial here, with its message.
        nativeIO();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nativeInput.close();
        MatPool.clearThread();
    }

    /** The pipeline, native in and native out; the output is closed (back to the pool). */
    @Benchmark
    public Object nativeIO() {
        Sample out = compiled.applyNative(nativeInput, Rng.forSample(BenchOps.SEED, index++));
        if (out != nativeInput) {
            out.close();
        }
        return out;
    }

    /** The spec of pipeline {@code name} for a {@code size x size} input (see the class comment). */
    static PipelineSpec spec(String name, int size) {
        List<Node> steps = new ArrayList<>();
        switch (name) {
            case "geometric" -> {
                steps.add(step("hflip", size).withP(0.5));
                steps.add(step("affine", size));
                steps.add(step("random_resized_crop", size));
            }
            case "grid_distortion", "elastic", "optical_distortion" -> steps.add(step(name, size));
            default -> throw new IllegalArgumentException("unknown targets pipeline '" + name
                    + "'; known: geometric,grid_distortion,elastic,optical_distortion");
        }
        return PipelineSpec.of(steps.toArray(Node[]::new)).withSeed(BenchOps.SEED);
    }

    private static Node step(String op, int size) {
        List<Node> nodes = BenchOps.get(op).spec().apply(size);
        if (nodes.size() != 1) {
            throw new IllegalStateException("benchmark op " + op + " is not a single step");
        }
        return nodes.get(0);
    }

    /**
     * {@code sample} with {@link #BOXES} labelled boxes and {@link #KEYPOINTS} COCO keypoints, placed at fixed
     * fractions of {@code size} (so 224 and 512 carry the same layout): one person box of about 30 % x 70 % of the
     * image holding the skeleton, and 9 further boxes of 8-40 % of a side each, from a fixed seed.
     */
    static Sample personTargets(Sample sample, int size) {
        List<BoundingBox> boxes = new ArrayList<>(BOXES);
        double px = 0.35 * size;
        double py = 0.15 * size;
        double pw = 0.30 * size;
        double ph = 0.70 * size;
        boxes.add(new BoundingBox(px, py, px + pw, py + ph, "person"));
        Random r = new Random(14);
        while (boxes.size() < BOXES) {
            double w = (0.08 + 0.32 * r.nextDouble()) * size;
            double h = (0.08 + 0.32 * r.nextDouble()) * size;
            double x = r.nextDouble() * (size - w);
            double y = r.nextDouble() * (size - h);
            boxes.add(new BoundingBox(x, y, x + w, y + h, "person"));
        }
        List<Keypoint> kps = new ArrayList<>(KEYPOINTS);
        for (int i = 0; i < KEYPOINTS; i++) {
            kps.add(new Keypoint(px + SKELETON[i][0] * pw, py + SKELETON[i][1] * ph, COCO_KEYPOINTS.get(i)));
        }
        return sample.withBoxes(boxes).withKeypoints(kps);
    }
}
