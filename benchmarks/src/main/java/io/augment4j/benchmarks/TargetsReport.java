package io.augment4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of {@code targets.sh}: reads the JMH JSON of {@link TargetsBenchmark} and prints, per pipeline and size,
 * the time per image without and with targets and the share the targets add, {@code (person - none) / none}, against
 * issue 14's bound of 5 % (the bound is stated for 224x224; other sizes are shown for scale).
 *
 * <pre>java -cp ... io.augment4j.benchmarks.TargetsReport --jmh FILE [--cpu "MODEL"] [--out FILE.md]</pre>
 */
public final class TargetsReport {
    /** Issue 14's bound on the targets' share of the image work. */
    static final double BOUND = 0.05;

    private TargetsReport() {
    }

    /** One JMH result: mean and 99.9 % half-interval, in the benchmark's unit. */
    record Score(double mean, double error) {
    }

    public static void main(String[] args) throws IOException {
        Path jmh = null;
        Path out = null;
        String cpu = "?";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jmh" -> jmh = Path.of(args[++i]);
                case "--cpu" -> cpu = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jmh == null) {
            throw new IllegalArgumentException("--jmh FILE is required");
        }
        String md = render(new ObjectMapper().readTree(jmh.toFile()), cpu);
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md);
        }
    }

    static String render(JsonNode root, String cpu) {
        // pipeline (in run order) -> size -> targets -> score
        Map<String, Map<Integer, Map<String, Score>>> scores = new LinkedHashMap<>();
        String unit = "us/op";
        String settings = "";
        for (JsonNode r : root) {
            JsonNode p = r.path("params");
            JsonNode m = r.path("primaryMetric");
            unit = m.path("scoreUnit").asText(unit);
            settings = String.format(Locale.ROOT, "JMH %s, forks: %d, %d x %s warm-up, %d x %s measured",
                    r.path("jmhVersion").asText("?"), r.path("forks").asInt(), r.path("warmupIterations").asInt(),
                    r.path("warmupTime").asText("?"), r.path("measurementIterations").asInt(),
                    r.path("measurementTime").asText("?"));
            scores.computeIfAbsent(p.path("pipeline").asText(), k -> new TreeMap<>())
                    .computeIfAbsent(p.path("size").asInt(), k -> new TreeMap<>())
                    .put(p.path("targets").asText(), new Score(m.path("score").asDouble(),
                            m.path("scoreError").asDouble(Double.NaN)));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("## Boxes and keypoints: cost over the image work (TargetsBenchmark)\n\n");
        sb.append("CPU: ").append(cpu).append("  \n");
        sb.append(settings).append("; 1 thread, single-threaded OpenCV, native in/out, fused warps.  \n");
        sb.append("Targets: ").append(TargetsBenchmark.BOXES).append(" boxes + ").append(TargetsBenchmark.KEYPOINTS)
                .append(" keypoints per sample. Share = (with targets - image only) / image only; issue 14 asks < ")
                .append(pct(BOUND)).append(" at 224.\n\n");
        sb.append("| pipeline | size | image only (").append(unit).append(") | with targets (").append(unit)
                .append(") | share | < ").append(pct(BOUND)).append(" |\n");
        sb.append("|---|---:|---:|---:|---:|:-:|\n");
        scores.forEach((pipeline, bySize) -> bySize.forEach((size, byTargets) -> {
            Score none = byTargets.get("none");
            Score person = byTargets.get("person");
            String share = "—";
            String ok = "—";
            if (none != null && person != null && none.mean() > 0) {
                double s = (person.mean() - none.mean()) / none.mean();
                // The share's uncertainty, from both intervals (first order).
                double err = Math.hypot(person.error(), none.error() * person.mean() / none.mean()) / none.mean();
                share = Double.isNaN(err) ? pct(s) : pct(s) + " ±" + pct(err);
                ok = s < BOUND ? "yes" : "**no**";
            }
            sb.append("| ").append(pipeline).append(" | ").append(size).append(" | ").append(fmt(none))
                    .append(" | ").append(fmt(person)).append(" | ").append(share).append(" | ").append(ok)
                    .append(" |\n");
        }));
        return sb.toString();
    }

    private static String fmt(Score s) {
        if (s == null) {
            return "—";
        }
        if (Double.isNaN(s.error())) {
            return String.format(Locale.ROOT, "%.1f", s.mean());
        }
        return String.format(Locale.ROOT, "%.1f ±%.1f", s.mean(), s.error());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
