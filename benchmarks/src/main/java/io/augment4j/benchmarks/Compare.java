package io.augment4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.opencv.OpenCvRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the markdown comparison of a JMH run (JSON from {@code -rf json}, one or more files) against a Python
 * baseline run (bench_cv2.py {@code --json}): environment, per-op table with ratios Java/Python, pipeline9 fused
 * and unfused, and the 2-thread scaling of the pipeline. Ops, their order and notes come from {@link BenchOps}.
 *
 * <pre>
 * java -cp ... io.augment4j.benchmarks.Compare --python cv2.json [--python more.json ...] --jmh ops.json
 *     [--jmh pipe-t1.json ...] [--out report.md] [--title "..."]
 * </pre>
 */
public final class Compare {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS_CLASS = OpBenchmark.class.getName();
    private static final String PIPE_CLASS = PipelineBenchmark.class.getName();

    /** One JMH result: the mean with its 99.9 % interval, and the best (fastest) iteration. */
    record Score(double value, double error, double best) {
        /** A result whose iterations are not known. */
        Score(double value, double error) {
            this(value, error, Double.NaN);
        }
    }

    private final Map<String, Score> java = new HashMap<>();
    private final Set<Integer> sizes = new TreeSet<>();
    private final Set<Integer> threadCounts = new TreeSet<>();
    private JsonNode pythonRoot;
    private JsonNode jmhSample;

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> python = new ArrayList<>();
        List<Path> jmh = new ArrayList<>();
        Path out = null;
        String title = "augment4j vs Python cv2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--python" -> python.add(Path.of(args[++i]));
                case "--jmh" -> jmh.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--title" -> title = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Compare c = new Compare();
        for (Path p : python) {
            if (Files.isRegularFile(p) && Files.size(p) > 0) {
                c.readPython(JSON.readTree(p.toFile()));
            }
        }
        for (Path p : jmh) {
            if (Files.isRegularFile(p) && Files.size(p) > 0) {
                c.readJmh(JSON.readTree(p.toFile()));
            }
        }
        String md = c.render(title);
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md);
        }
    }

    /** Merges one bench_cv2.py JSON ({@code {op: {size: ops/s}}, meta}); the first file's meta is kept. */
    private void readPython(JsonNode root) {
        if (pythonRoot == null) {
            pythonRoot = JSON.createObjectNode();
        }
        ObjectNode merged = (ObjectNode) pythonRoot;
        root.properties().forEach(e -> {
            if (!e.getKey().equals("meta") || !merged.has("meta")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
    }

    private static String key(String method, String op, int size, int threads) {
        return method + "|" + op + "|" + size + "|" + threads;
    }

    private void readJmh(JsonNode root) {
        for (JsonNode r : root) {
            if (jmhSample == null) {
                jmhSample = r;
            }
            String bench = r.path("benchmark").asText();
            int dot = bench.lastIndexOf('.');
            String cls = bench.substring(0, dot);
            String method = bench.substring(dot + 1);
            JsonNode params = r.path("params");
            int size = params.path("size").asInt();
            int threads = r.path("threads").asInt(1);
            String op;
            if (cls.equals(OPS_CLASS)) {
                op = params.path("op").asText();
            } else if (cls.equals(PIPE_CLASS)) {
                op = BenchOps.PIPELINE9 + (params.path("fuse").asBoolean() ? "_fused" : "_unfused");
            } else {
                continue;
            }
            JsonNode pm = r.path("primaryMetric");
            double best = Double.NaN;
            for (JsonNode fork : pm.path("rawData")) {
                for (JsonNode it : fork) {
                    best = Double.isNaN(best) ? it.asDouble() : Math.max(best, it.asDouble());
                }
            }
            java.put(key(method, op, size, threads), new Score(pm.path("score").asDouble(),
                    pm.path("scoreError").asDouble(Double.NaN), best));
            sizes.add(size);
            threadCounts.add(threads);
        }
    }

    /** bench_cv2.py's best window ({@code op.best.size}), or null when the run did not write one. */
    private Double pythonBest(String op, int size) {
        if (pythonRoot == null) {
            return null;
        }
        JsonNode v = pythonRoot.path(op).path("best").path(String.valueOf(size));
        return v.isNumber() ? v.asDouble() : null;
    }

    private Double python(String op, int size) {
        if (pythonRoot == null) {
            return null;
        }
        JsonNode v = pythonRoot.path(op).path(String.valueOf(size));
        return v.isNumber() ? v.asDouble() : null;
    }

    private String render(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        environment(sb);
        List<Double> nativeRatios = new ArrayList<>();
        List<Double> heapRatios = new ArrayList<>();
        List<Double> reusedRatios = new ArrayList<>();
        List<String> slower = new ArrayList<>();

        sb.append("\n## Single ops, 1 thread (images/s; ratio = Java / Python, above 1 = Java faster)\n\n");
        sb.append("| op | size | Python cv2 | Java native | Java heap | Java heap, reused | native / Python "
                + "| heap / Python | reused / Python | note |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (BenchOps.Op op : BenchOps.all()) {
            for (int size : sizes) {
                Score n = java.get(key("nativeIO", op.name(), size, 1));
                Score h = java.get(key("heapIO", op.name(), size, 1));
                Score u = java.get(key("heapInto", op.name(), size, 1));
                Double py = python(op.name(), size);
                if (n == null && h == null) {
                    continue;
                }
                row(sb, op.name(), size, py, new Score[] {n, h, u}, op.note(),
                        List.of(nativeRatios, heapRatios, reusedRatios), slower);
            }
        }
        sb.append("\n## pipeline9, 1 thread (images/s)\n\n");
        sb.append("hflip, vflip, rotate ±15, shear ±10, crop 0.8 + resize back, color_jitter(0.2, 0.2, 0.2, 0.05), "
                + "rgb_shift ±20, gaussian_noise σ 10, grid_distortion 5x5 ±5 %, each with p = 0.5. Fused: the "
                + "geometric steps that run resample once (one warp); unfused: once per step, as Python does.\n\n");
        sb.append("| variant | size | Python cv2 | Java native | Java heap | Java heap, reused | native / Python "
                + "| heap / Python | reused / Python | |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String variant : List.of("_fused", "_unfused")) {
            for (int size : sizes) {
                Score n = java.get(key("nativeIO", BenchOps.PIPELINE9 + variant, size, 1));
                Score h = java.get(key("heapIO", BenchOps.PIPELINE9 + variant, size, 1));
                Score u = java.get(key("heapInto", BenchOps.PIPELINE9 + variant, size, 1));
                if (n == null && h == null) {
                    continue;
                }
                row(sb, BenchOps.PIPELINE9 + " (" + variant.substring(1) + ")", size,
                        python(BenchOps.PIPELINE9, size), new Score[] {n, h, u}, "", null, slower);
            }
        }
        List<Double> bestRatios = bestWindows(sb);
        scaling(sb);
        sb.append("\n## Summary\n\n");
        if (!nativeRatios.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "- Single ops: geometric mean of Java / Python = %.2fx native "
                    + "in/out (%d op-size pairs)", geomean(nativeRatios), nativeRatios.size()));
            if (!heapRatios.isEmpty()) {
                sb.append(String.format(Locale.ROOT, ", %.2fx heap in/out", geomean(heapRatios)));
            }
            if (!reusedRatios.isEmpty()) {
                sb.append(String.format(Locale.ROOT, ", %.2fx heap in/out into a reused array",
                        geomean(reusedRatios)));
            }
            sb.append(".\n");
        }
        if (!bestRatios.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "- Best windows, native in/out: geometric mean of Java / Python = "
                    + "%.2fx (%d op-size pairs).%n", geomean(bestRatios), bestRatios.size()));
        }
        if (slower.isEmpty()) {
            sb.append("- No op is slower than Python natively (ratio < 0.9).\n");
        } else {
            sb.append("- Slower than Python natively (native / Python < 0.9): ").append(String.join(", ", slower))
                    .append(".\n");
        }
        return sb.toString();
    }

    /**
     * One table row; {@code modes} are native, heap and heap into a reused array, each possibly null, and
     * {@code ratios} (or null) collects each mode's ratio to Python.
     */
    private static void row(StringBuilder sb, String name, int size, Double py, Score[] modes, String note,
                            List<List<Double>> ratios, List<String> slower) {
        Double[] r = new Double[modes.length];
        for (int i = 0; i < modes.length; i++) {
            r[i] = ratio(modes[i], py);
            if (r[i] != null && ratios != null) {
                ratios.get(i).add(r[i]);
            }
        }
        if (r[0] != null && r[0] < 0.9) {
            slower.add(String.format(Locale.ROOT, "%s@%d (%.2fx)", name, size, r[0]));
        }
        sb.append("| ").append(name).append(" | ").append(size).append(" | ").append(py == null ? "—" : fmt(py));
        for (Score m : modes) {
            sb.append(" | ").append(fmt(m));
        }
        for (Double x : r) {
            sb.append(" | ").append(fmtRatio(x));
        }
        sb.append(" | ").append(note).append(" |\n");
    }

    /**
     * The single ops and pipeline9, native in/out, compared by each side's best window: JMH's fastest iteration
     * against bench_cv2.py's fastest of as many equal windows ({@code --windows}). A slow spell of a shared machine
     * drags a mean down but rarely every window, so these ratios move less from run to run than the means'.
     *
     * @return the single ops' ratios, for the summary
     */
    private List<Double> bestWindows(StringBuilder sb) {
        List<Double> ratios = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        List<String> names = new ArrayList<>();
        BenchOps.all().forEach(op -> names.add(op.name()));
        names.add(BenchOps.PIPELINE9 + "_fused");
        names.add(BenchOps.PIPELINE9 + "_unfused");
        for (String name : names) {
            boolean pipeline = name.startsWith(BenchOps.PIPELINE9 + "_");
            for (int size : sizes) {
                Score n = java.get(key("nativeIO", name, size, 1));
                Double py = pythonBest(pipeline ? BenchOps.PIPELINE9 : name, size);
                if (n == null || py == null || Double.isNaN(n.best())) {
                    continue;
                }
                double r = n.best() / py;
                if (!pipeline) {
                    ratios.add(r);
                }
                rows.append("| ").append(pipeline ? BenchOps.PIPELINE9 + " (" + name.substring(name.indexOf('_') + 1)
                                + ")" : name).append(" | ").append(size).append(" | ").append(fmt(py)).append(" | ")
                        .append(fmt(n.best())).append(" | ").append(fmtRatio(r)).append(" |\n");
            }
        }
        if (rows.length() > 0) {
            sb.append("\n## Best windows, native in/out, 1 thread (images/s)\n\n");
            sb.append("Each side's fastest window: JMH's best iteration, bench_cv2.py's best of as many windows of its"
                    + " timed seconds. Less moved by a slow spell of the machine than the means above.\n\n");
            sb.append("| op | size | Python cv2, best window | Java native, best iteration | ratio |\n");
            sb.append("|---|---:|---:|---:|---:|\n");
            sb.append(rows);
        }
        return ratios;
    }

    private void scaling(StringBuilder sb) {
        if (!threadCounts.contains(1) || threadCounts.size() < 2) {
            return;
        }
        sb.append("\n## pipeline9 thread scaling (images/s, all threads together)\n\n");
        List<Integer> counts = new ArrayList<>(threadCounts);
        sb.append("| variant | mode | size |");
        for (int t : counts) {
            sb.append(' ').append(t).append(t == 1 ? " thread |" : " threads |");
        }
        for (int t : counts.subList(1, counts.size())) {
            sb.append(" scaling ").append(t).append("/1 |");
        }
        sb.append('\n').append("|---|---|---:|").append("---:|".repeat(2 * counts.size() - 1)).append('\n');
        for (String variant : List.of("_fused", "_unfused")) {
            for (String method : List.of("nativeIO", "heapIO", "heapInto")) {
                for (int size : sizes) {
                    String op = BenchOps.PIPELINE9 + variant;
                    Score one = java.get(key(method, op, size, 1));
                    if (one == null) {
                        continue;
                    }
                    sb.append("| ").append(variant.substring(1)).append(" | ")
                            .append(switch (method) {
                                case "nativeIO" -> "native";
                                case "heapIO" -> "heap";
                                default -> "heap, reused";
                            }).append(" | ").append(size)
                            .append(" |");
                    for (int t : counts) {
                        sb.append(' ').append(fmt(java.get(key(method, op, size, t)))).append(" |");
                    }
                    for (int t : counts.subList(1, counts.size())) {
                        Score s = java.get(key(method, op, size, t));
                        sb.append(s == null ? " — |" : String.format(Locale.ROOT, " %.2fx |", s.value() / one.value()));
                    }
                    sb.append('\n');
                }
            }
        }
    }

    private void environment(StringBuilder sb) {
        sb.append("## Machine and settings\n\n| | |\n|---|---|\n");
        sb.append("| CPU | ").append(cpuModel()).append(" |\n");
        sb.append("| cores (online) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        sb.append("| memory | ").append(memTotal()).append(" |\n");
        sb.append("| OS | ").append(osName()).append(" |\n");
        sb.append("| load average at report time | ").append(loadAvg()).append(" |\n");
        sb.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        String cv;
        try {
            cv = OpenCvRuntime.version() + " (org.openpnp:opencv, built with IPP)";
        } catch (RuntimeException | LinkageError e) {
            cv = "? (" + e + ")";
        }
        sb.append("| OpenCV (Java) | ").append(cv).append(" |\n");
        if (jmhSample != null) {
            sb.append("| JMH | ").append(jmhSample.path("jmhVersion").asText()).append(", fork ")
                    .append(jmhSample.path("forks").asInt()).append(", warm-up ")
                    .append(jmhSample.path("warmupIterations").asInt()).append(" x ")
                    .append(jmhSample.path("warmupTime").asText()).append(", measurement ")
                    .append(jmhSample.path("measurementIterations").asInt()).append(" x ")
                    .append(jmhSample.path("measurementTime").asText()).append(", JVM args ")
                    .append(jmhSample.path("jvmArgs").toString().replace("|", "/")).append(" |\n");
            sb.append("| input | ").append(jmhSample.path("params").path("input").asText()).append(" |\n");
        }
        if (pythonRoot != null) {
            JsonNode m = pythonRoot.path("meta");
            sb.append("| Python cv2 | ").append(m.path("cv2").asText()).append(" (Debian python3-opencv, no IPP), numpy ")
                    .append(m.path("numpy").asText()).append(", Python ").append(m.path("python").asText())
                    .append(", cv2 threads ").append(m.path("threads").asText()).append(" |\n");
            sb.append("| Python timing | ").append(m.path("warmup").asText()).append(" s warm-up + ")
                    .append(m.path("seconds").asText()).append(" s per op and size; input ")
                    .append(m.path("image").asText()).append("; GLIBC_TUNABLES=")
                    .append(m.path("glibc_tunables").asText()).append(" |\n");
        }
        sb.append("\n\"Java native\": input already native, output closed back to the pool (a step inside a "
                + "pipeline). \"Java heap\": ArrayImage in, ArrayImage out (one copy each way; the output is a new "
                + "array, which the JVM zeroes). \"Java heap, reused\": ArrayImage in, the output copied into an "
                + "array the caller reuses (Image.copyTo). Python: numpy in, new numpy array out (numpy's allocator "
                + "recycles memory without clearing it). Errors are JMH's 99.9 % intervals.\n");
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "") + ", kernel " + System.getProperty("os.version");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Double ratio(Score s, Double py) {
        return s == null || py == null || py <= 0 ? null : s.value() / py;
    }

    private static double geomean(List<Double> xs) {
        double sum = 0;
        for (double x : xs) {
            sum += Math.log(x);
        }
        return Math.exp(sum / xs.size());
    }

    static String fmt(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%.2f k", v / 1000);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt(Score s) {
        if (s == null) {
            return "—";
        }
        String base = fmt(s.value());
        if (Double.isNaN(s.error()) || s.value() <= 0) {
            return base;
        }
        return base + String.format(Locale.ROOT, " ±%.0f%%", 100 * s.error() / s.value());
    }

    private static String fmtRatio(Double r) {
        if (r == null) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.2fx", r);
        return r < 0.9 ? "**" + s + "**" : s;
    }
}
