package io.augment4j.benchmarks;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.PipelineSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The one table that maps every op of the Python baseline ({@code benchmarks/python/bench_cv2.py}, definitions in
 * its README) to the augment4j pipeline spec that computes the same thing. {@link OpBenchmark},
 * {@link PipelineBenchmark}, {@link Compare} and {@code run.sh} (through {@link #main}) all read it, so op names,
 * order and parameters live here only.
 *
 * <p>Parameters are written out even where they equal the transform's default, so that a change of a default does
 * not silently change what is compared. Where the Java op is not exactly the Python op, {@link Op#note()} says how.
 */
public final class BenchOps {
    /** Seed of every benchmark pipeline. */
    public static final long SEED = 7L;

    /**
     * One benchmarked op.
     *
     * @param name   the Python baseline's op name (or a Java-only name when {@code python} is false)
     * @param python whether bench_cv2.py has this op
     * @param quick  part of the quick subset ({@code run.sh --quick})
     * @param spec   the augment4j steps for an image of the given (square) size
     * @param note   how the Java op differs from the Python one, or empty
     */
    public record Op(String name, boolean python, boolean quick, IntFunction<List<Node>> spec, String note) {
        /** The pipeline spec for a {@code size x size} input, seeded with {@link #SEED}. */
        public PipelineSpec pipelineSpec(int size) {
            return PipelineSpec.of(spec.apply(size).toArray(Node[]::new)).withSeed(SEED);
        }
    }

    private static final Map<String, Op> OPS = new LinkedHashMap<>();

    private static void op(String name, boolean quick, Node step) {
        put(new Op(name, true, quick, s -> List.of(step), ""));
    }

    private static void op(String name, boolean quick, Node step, String note) {
        put(new Op(name, true, quick, s -> List.of(step), note));
    }

    private static void put(Op op) {
        if (OPS.put(op.name(), op) != null) {
            throw new IllegalStateException("duplicate op " + op.name());
        }
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    /** A fixed value for a range parameter: {@code [v, v]}. */
    private static List<Double> fixed(double v) {
        return List.of(v, v);
    }

    private static final String LINEAR = "linear";

    static {
        // --- geometric: linear interpolation, reflect-101 border (the transforms' defaults, spelled out) ---
        op("hflip", true, Node.step("hflip"));
        op("vflip", false, Node.step("vflip"));
        op("rotate", true, Node.step("rotate", m("limit", 15, "interpolation", LINEAR,
                "border", "reflect101")));
        op("shear", false, Node.step("shear", m("x", 10, "y", 0, "interpolation", LINEAR,
                "border", "reflect101")));
        op("affine", false, Node.step("affine", m("rotate", 15, "scale", List.of(0.9, 1.1), "translate", 0.1,
                "shear", 10, "interpolation", LINEAR, "border", "reflect101")));
        op("perspective", false, Node.step("perspective", m("scale", List.of(0.05, 0.1),
                "interpolation", LINEAR, "border", "reflect101")));
        // crop 0.8 of each side at a random offset, resized back to the input size in the same call
        op("crop_resize", true, cropResize());
        op("random_resized_crop", false, Node.step("random_resized_crop", m("scale", List.of(0.08, 1.0),
                "ratio", List.of(3.0 / 4.0, 4.0 / 3.0), "interpolation", LINEAR)));
        op("center_crop", false, Node.step("center_crop", m("fraction", 0.8)));
        op("resize", false, Node.step("resize", m("scale", 0.5, "interpolation", LINEAR)));
        // --- colour ---
        op("brightness", false, Node.step("brightness", m("factor", List.of(0.8, 1.2))));
        op("contrast", false, Node.step("contrast", m("factor", List.of(0.8, 1.2))));
        op("gamma", false, Node.step("gamma", m("gamma", List.of(0.8, 1.2))));
        op("saturation", false, Node.step("saturation", m("factor", List.of(0.8, 1.2))),
                "Java: torchvision blend with per-pixel gray; Python: HSV round trip with an S lookup table");
        op("hue", false, Node.step("hue", m("shift", List.of(-0.05, 0.05))));
        op("color_jitter", true, colorJitter());
        op("rgb_shift", false, rgbShift());
        op("channel_shuffle", false, Node.step("channel_shuffle"));
        op("to_gray", false, Node.step("to_gray", m("keep_channels", true)));
        // --- noise, blur, erasing ---
        op("gaussian_noise", true, gaussianNoise(),
                "Java: counter-based hash + fitted polynomial Gaussian, int16 levels added by OpenCV; "
                        + "Python uses cv2.randn");
        op("salt_pepper", false, Node.step("salt_pepper", m("amount", fixed(0.05), "salt_vs_pepper", 0.5)));
        op("speckle", false, Node.step("speckle", m("sigma", fixed(0.1))));
        op("gaussian_blur", true, Node.step("gaussian_blur", m("ksize", 5, "sigma", List.of(0.1, 2.0))));
        op("motion_blur", false, Node.step("motion_blur", m("ksize", 7, "angle", List.of(0.0, 180.0))));
        op("cutout", false, Node.step("cutout", m("num_holes", 8, "size", 0.1, "fill", 0)));
        // --- distortions (remap) ---
        op("grid_distortion", true, gridDistortion());
        op("elastic", true, Node.step("elastic", m("alpha", 34.0, "sigma", 4.0, "interpolation", LINEAR,
                "border", "reflect101")));
        op("optical_distortion", false, Node.step("optical_distortion", m("k", 0.05,
                "interpolation", LINEAR, "border", "reflect101")));
        // --- normalize ---
        op("normalize", true, Node.step("normalize", m("mean", List.of(0.485, 0.456, 0.406),
                "std", List.of(0.229, 0.224, 0.225), "max_pixel_value", 255.0)));
        // --- Java-only transforms (no Python counterpart; reported without a ratio) ---
        put(new Op("random_erasing", false, false, s -> List.of(Node.step("random_erasing",
                m("scale", List.of(0.02, 0.33), "ratio", List.of(0.3, 3.3), "value", 0))), "Java only"));
        put(new Op("pad_if_needed", false, false, s -> List.of(Node.step("pad_if_needed",
                m("min_height", s + s / 4, "min_width", s + s / 4))), "Java only; pads to 1.25x the size"));
    }

    private static Node cropResize() {
        return Node.step("random_crop", m("fraction", 0.8, "resize_back", true, "interpolation", LINEAR));
    }

    private static Node colorJitter() {
        // a single v means [1 - v, 1 + v] for the factors and [-v, v] for the hue
        return Node.step("color_jitter", m("brightness", 0.2, "contrast", 0.2, "saturation", 0.2, "hue", 0.05));
    }

    private static Node rgbShift() {
        return Node.step("rgb_shift", m("r_shift", 20, "g_shift", 20, "b_shift", 20));
    }

    private static Node gaussianNoise() {
        return Node.step("gaussian_noise", m("sigma", fixed(10), "mean", 0.0, "per_channel", true));
    }

    private static Node gridDistortion() {
        return Node.step("grid_distortion", m("num_steps", 5, "distort_limit", 0.05,
                "interpolation", LINEAR, "border", "reflect101"));
    }

    /** Name of the 9-op pipeline, as in bench_cv2.py. */
    public static final String PIPELINE9 = "pipeline9";

    /**
     * The Python baseline's {@code pipeline9}: hflip, vflip, rotate ±15, shear ±10, crop 0.8 + resize back,
     * color_jitter(0.2, 0.2, 0.2, 0.05), rgb_shift ±20, gaussian_noise sigma 10, grid_distortion 5x5 ±5 %, each
     * step with p = 0.5 (one draw per step). Fusion of the geometric run (the first five steps) is chosen when
     * compiling ({@link io.augment4j.api.pipeline.Pipeline#compile(PipelineSpec,
     * io.augment4j.api.registry.TransformRegistry, boolean)}).
     */
    public static PipelineSpec pipeline9() {
        List<Node> steps = List.of(
                Node.step("hflip"),
                Node.step("vflip"),
                Node.step("rotate", m("limit", 15, "interpolation", LINEAR, "border", "reflect101")),
                Node.step("shear", m("x", 10, "y", 0, "interpolation", LINEAR, "border", "reflect101")),
                cropResize(),
                colorJitter(),
                rgbShift(),
                gaussianNoise(),
                gridDistortion());
        return PipelineSpec.of(steps.stream().map(n -> n.withP(0.5)).toArray(Node[]::new)).withSeed(SEED);
    }

    private BenchOps() {
    }

    /** Every single op, in report order (pipeline9 excluded). */
    public static List<Op> all() {
        return List.copyOf(OPS.values());
    }

    /** The op called {@code name}; the message lists the known names. */
    public static Op get(String name) {
        Op op = OPS.get(name);
        if (op == null) {
            throw new IllegalArgumentException("unknown benchmark op '" + name + "'; known: "
                    + String.join(",", OPS.keySet()));
        }
        return op;
    }

    /**
     * For run.sh: {@code java BenchOps [--quick] [--python-only] [--select a,b,...]} prints a comma list of op
     * names. {@code --select} keeps the listed names (known ones only, in table order); {@code --python-only} keeps
     * the ones bench_cv2.py has and adds pipeline9 (Python runs pipeline9 as an op).
     */
    public static void main(String[] args) {
        boolean quick = false;
        boolean pythonOnly = false;
        List<String> select = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--python-only" -> pythonOnly = true;
                case "--select" -> select = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> out = new ArrayList<>();
        for (Op op : OPS.values()) {
            if (select != null && !select.contains(op.name())) {
                continue;
            }
            if (select == null && quick && !op.quick()) {
                continue;
            }
            if (pythonOnly && !op.python()) {
                continue;
            }
            out.add(op.name());
        }
        if (select != null) {
            for (String s : select) {
                if (!s.isBlank() && !OPS.containsKey(s) && !s.equals(PIPELINE9)) {
                    throw new IllegalArgumentException("unknown benchmark op '" + s + "'; known: "
                            + String.join(",", OPS.keySet()) + "," + PIPELINE9);
                }
            }
        }
        if (pythonOnly && (select == null || select.contains(PIPELINE9))) {
            out.add(PIPELINE9);
        }
        System.out.println(String.join(",", out));
    }
}
