package io.augment4j.trainer.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.config.DiagnosisSection;
import io.augment4j.trainer.report.Diagnosis;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A study's results, written into its folder from the journal alone (so {@code aug tune --report}
 * rewrites them at any time): {@code trials.csv}, {@code report.md} (trials ranked, the best
 * config, pruned and failed counts, total epochs, the bias/variance verdict of the best trial),
 * {@code best.yaml} (the best trial's complete config, which {@code aug train --config} runs) and
 * the plots of {@link StudyPlots}.
 *
 * <p>The best trial is the COMPLETE trial with the best value of the monitored validation metric
 * (pruned trials stopped early and are not candidates).
 *
 * <p>An objective study's trials have no config: instead of {@code best.yaml} it writes
 * {@code best-params.json} (the best trial's number, value, epoch counted from 1, and values),
 * and its report has no bias/variance diagnosis.
 */
public final class StudyResults {

    /** The table of trials. */
    public static final String CSV = "trials.csv";
    /** The report. */
    public static final String REPORT = "report.md";
    /** The best trial's config. */
    public static final String BEST = "best.yaml";
    /** The best trial's values, for an objective study. */
    public static final String BEST_PARAMS = "best-params.json";

    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private StudyResults() {}

    /**
     * @param records trials
     * @param direction the objective's direction
     * @return the best COMPLETE trial, if any
     */
    public static Optional<TrialRecord> best(List<TrialRecord> records, Direction direction) {
        List<TrialRecord> r = ranked(records, direction);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** @return the COMPLETE trials with a value, best first (ties: lower number first) */
    static List<TrialRecord> ranked(List<TrialRecord> records, Direction direction) {
        Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
        if (direction == Direction.MAXIMIZE) {
            byValue = byValue.reversed();
        }
        return records.stream().filter(r -> r.state() == TrialState.COMPLETE && r.value() != null)
                .sorted(byValue.thenComparingInt(TrialRecord::number)).toList();
    }

    /**
     * Writes every result file of the study in {@code dir} from its journal.
     *
     * @param dir the study folder
     * @param journal its journal
     * @throws IOException on write failure
     */
    public static void write(Path dir, Journal journal) throws IOException {
        ObjectNode h = journal.header();
        String monitor = h.path("monitor").asText();
        Direction direction = Direction.valueOf(h.path("direction").asText());
        List<TrialRecord> records = journal.records();
        List<String> params = paramNames(records);
        List<TrialRecord> ranked = ranked(records, direction);
        Json.writeAtomically(dir.resolve(CSV), csv(records, params, monitor).getBytes(StandardCharsets.UTF_8));
        Optional<TrialRecord> best = ranked.stream().findFirst();
        if (objective(h)) {
            writeBestParams(dir.resolve(BEST_PARAMS), h, monitor, best);
        } else if (best.isPresent()) {
            ObjectNode cfg = StudyConfigs.best((ObjectNode) h.get("base"), best.get().params(),
                    Path.of(h.path("base_dir").asText()), h.path("name").asText() + "-best");
            String text = "# The best trial (" + best.get().number() + ") of study " + h.path("name").asText()
                    + ": " + monitor + " " + num(best.get().value()) + " at epoch " + (best.get().bestEpoch() + 1)
                    + ".\n# Train it: aug train --config " + dir.resolve(BEST) + "\n" + yaml(cfg);
            Json.writeAtomically(dir.resolve(BEST), text.getBytes(StandardCharsets.UTF_8));
        } else {
            Files.deleteIfExists(dir.resolve(BEST));
        }
        Map<String, String> scales = new LinkedHashMap<>();
        h.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey(), e.getValue().asText()));
        List<String> plots = StudyPlots.write(dir, records, params, scales, monitor, direction, ranked);
        Json.writeAtomically(dir.resolve(REPORT), report(h, records, params, ranked, journal, plots)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether a journal header is an objective study's: it has no base config */
    static boolean objective(ObjectNode header) {
        return !header.path("base").isObject();
    }

    private static void writeBestParams(Path file, ObjectNode h, String monitor, Optional<TrialRecord> best)
            throws IOException {
        if (best.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        TrialRecord b = best.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", h.path("name").asText());
        json.put("trial", b.number());
        json.put("metric", monitor);
        json.put("value", b.value());
        json.put("epoch", b.bestEpoch() + 1);
        json.put("params", b.params());
        Json.writeAtomically(file, json);
    }

    static List<String> paramNames(List<TrialRecord> records) {
        Set<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.params().keySet()));
        return List.copyOf(names);
    }

    static String csv(List<TrialRecord> records, List<String> params, String monitor) {
        StringBuilder sb = new StringBuilder("number,state");
        params.forEach(p -> sb.append(',').append(p));
        sb.append(',').append(monitor).append(",best_epoch,epochs_run,seconds,reason\n");
        for (TrialRecord r : records) {
            sb.append(r.number()).append(',').append(r.state().name().toLowerCase(Locale.ROOT));
            for (String p : params) {
                Object v = r.params().get(p);
                sb.append(',').append(v == null ? "" : cell(value(v)));
            }
            sb.append(',').append(r.value() == null ? "" : r.value().toString())
                    .append(',').append(r.bestEpoch() == null ? "" : Integer.toString(r.bestEpoch() + 1))
                    .append(',').append(r.epochsRun())
                    .append(',').append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(',').append(r.reason() == null ? "" : cell(r.reason())).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String report(ObjectNode h, List<TrialRecord> records, List<String> params,
            List<TrialRecord> ranked, Journal journal, List<String> plots) {
        String monitor = h.path("monitor").asText();
        StringBuilder sb = new StringBuilder();
        sb.append("# Study report: ").append(h.path("name").asText()).append("\n\n");
        long complete = count(records, TrialState.COMPLETE);
        long pruned = count(records, TrialState.PRUNED);
        long failed = count(records, TrialState.FAILED);
        long running = count(records, TrialState.RUNNING);
        int epochs = records.stream().mapToInt(TrialRecord::epochsRun).sum();
        double seconds = records.stream().mapToDouble(TrialRecord::seconds).sum();
        boolean objective = objective(h);
        sb.append(String.format(Locale.ROOT, "%d trial(s): %d complete, %d pruned, %d failed%s. %d epochs %s in"
                        + " all, %.0f s of trial time. Objective: %s (%s), %s. Seed %s, sampler %s, pruner %s.%s%n%n",
                records.size(), complete, pruned, failed,
                running > 0 ? ", " + running + " unfinished (" + (objective ? "resume the study" : "aug tune --resume")
                        + ")" : "", epochs, objective ? "reported" : "trained", seconds, monitor,
                h.path("direction").asText().toLowerCase(Locale.ROOT),
                objective ? "the best value each trial's objective reported"
                        : "on the validation split, at the epoch whose weights each trial ended with",
                h.path("seed").asText(),
                h.path("sampler").asText(), h.path("pruner").isTextual() ? h.path("pruner").asText() : "none",
                objective ? "" : " The test set was not read."));

        sb.append("## Best trial\n\n");
        if (ranked.isEmpty()) {
            sb.append("No trial completed.\n\n");
        } else {
            TrialRecord b = ranked.get(0);
            sb.append(String.format(Locale.ROOT, "Trial %d: %s **%s** at epoch %d of %d (%.1f s).%n%n", b.number(),
                    monitor, num(b.value()), b.bestEpoch() + 1, b.epochsRun(), b.seconds()));
            sb.append("| hyperparameter | value |\n|---|---|\n");
            b.params().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(value(v)).append(" |\n"));
            if (objective) {
                sb.append("\nIts values are also in `best-params.json`.\n\n");
            } else {
                sb.append("\nIts complete config is `best.yaml`: `aug train --config best.yaml` trains it again;"
                        + " `aug tune --final <study folder>` trains it and measures the test set once (`--full`: its"
                        + " values in the base config without the study's overrides; `--train-on train+val`: on train"
                        + " and validation together, for its best epoch count).\n\n");
                diagnosis(sb, h, journal.errors(b.number()));
            }
        }

        sb.append("## Trials, best first\n\n| rank | trial | state | ").append(monitor)
                .append(" | best epoch | epochs | seconds |");
        params.forEach(p -> sb.append(' ').append(p).append(" |"));
        sb.append("\n|---:|---:|---|---:|---:|---:|---:|");
        params.forEach(p -> sb.append("---|"));
        sb.append('\n');
        List<TrialRecord> order = new ArrayList<>(ranked);
        records.stream().filter(r -> !ranked.contains(r)).forEach(order::add);
        int rank = 0;
        for (TrialRecord r : order) {
            boolean ranks = ranked.contains(r);
            sb.append("| ").append(ranks ? Integer.toString(++rank) : "-").append(" | ").append(r.number())
                    .append(" | ").append(r.state().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(r.value() == null ? "-" : num(r.value())).append(" | ")
                    .append(r.bestEpoch() == null ? "-" : Integer.toString(r.bestEpoch() + 1)).append(" | ")
                    .append(r.epochsRun()).append(" | ").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(" |");
            for (String p : params) {
                Object v = r.params().get(p);
                sb.append(' ').append(v == null ? "" : value(v)).append(" |");
            }
            sb.append('\n');
        }
        List<TrialRecord> why = records.stream().filter(r -> r.reason() != null).toList();
        if (!why.isEmpty()) {
            sb.append("\n### Pruned and failed trials\n\n");
            why.forEach(r -> sb.append("- trial ").append(r.number()).append(" (")
                    .append(r.state().name().toLowerCase(Locale.ROOT)).append("): ").append(r.reason()).append('\n'));
        }
        sb.append("\n## Plots\n\n");
        plots.forEach(p -> sb.append("![").append(p).append("](").append(p).append(")\n\n"));
        sb.append("## Files\n\n- `study.jsonl`: the journal (every trial's values, epochs and end); the rest is"
                + " rebuilt from it by `aug tune --report`\n- `trials.csv`: one row per trial\n");
        sb.append(objective ? "- `best-params.json`: the best trial's values\n- `trials/NNN/`: each trial's folder,"
                + " for the objective's own files\n" : "- `best.yaml`: the best config\n- `trials/NNN/`: each trial's"
                + " config, split, history and final model\n");
        return sb.toString();
    }

    private static void diagnosis(StringBuilder sb, ObjectNode h, double[] errors) {
        if (errors == null) {
            sb.append("No clean train/validation evaluation was recorded for it, so no bias/variance verdict.\n\n");
            return;
        }
        JsonNode d = h.path("base").path("diagnosis");
        DiagnosisSection ds = new DiagnosisSection(d.path("base_error").isNumber() ? d.get("base_error").asDouble()
                : null, d.path("bias_threshold").isNumber() ? d.get("bias_threshold").asDouble() : null,
                d.path("variance_threshold").isNumber() ? d.get("variance_threshold").asDouble() : null);
        Diagnosis.Result r = Diagnosis.diagnose(ds.baseError(), errors[0], errors[1], ds.thresholds());
        sb.append("### Diagnosis of the best trial: ").append(r.verdict()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Clean evaluation of its final weights: train error %.2f %%, validation"
                        + " error %.2f %%, base error %.2f %%: avoidable bias %.2f points (high above %.1f),"
                        + " variance %.2f points (high above %.1f).%n%n", 100 * r.trainError(), 100 * r.valError(),
                100 * r.baseError(), 100 * r.avoidableBias(), 100 * r.thresholds().bias(), 100 * r.variance(),
                100 * r.thresholds().variance()));
        sb.append("Next steps:\n\n");
        for (String s : r.nextSteps()) {
            sb.append(s.startsWith("  ") ? "   - " + s.strip() : "- " + s).append('\n');
        }
        sb.append('\n');
    }

    private static long count(List<TrialRecord> records, TrialState s) {
        return records.stream().filter(r -> r.state() == s).count();
    }

    /** @return a value as tables show it (4 significant digits for doubles) */
    static String value(Object v) {
        return v instanceof Double d ? num(d) : String.valueOf(v);
    }

    private static String num(double v) {
        return v == 0 || !Double.isFinite(v) ? Double.toString(v)
                : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String yaml(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
