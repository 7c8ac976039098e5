package io.augment4j.trainer.run;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.spec.Specs;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.data.Normalization;
import io.augment4j.trainer.report.Curves;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.loop.EvalMetrics;
import io.augment4j.trainer.loop.History;
import io.augment4j.trainer.report.Diagnosis;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished run reports: {@code normalization.json}, {@code curves.png}, {@code report.md}
 * (what was trained, how it went, what is wrong, what to try next), {@code result.json} (the same
 * figures for scripts), and the console summary. The best and stopped epochs come from the
 * {@link RunResult}, i.e. from the loop's {@code FitResult}.
 */
final class ReportWriter {

    private ReportWriter() {}

    /**
     * Writes the report files into the run folder.
     *
     * @param r the run's result
     * @param cfg its config
     * @param split its split
     * @param data its data
     * @param augSpec its augmentation, or null
     * @param norm the model's input normalization
     * @throws IOException on write failure
     */
    static void writeAll(RunResult r, TrainConfig cfg, Split split, Datasets.Loaded data, PipelineSpec augSpec,
            Normalization norm) throws IOException {
        Path dir = r.runDir();
        norm.save(dir.resolve("normalization.json"));
        Curves.write(r.history(), r.restoredBest() ? r.bestEpoch() : -1, r.stoppedEpoch(), cfg.name(), r.curves());
        write(r.report(), render(cfg, r, split, data.all(), data.testCount(),
                augSpec == null ? "none" : augSummary(augSpec)));
        Json.writeAtomically(dir.resolve("result.json"), resultJson(r));
    }

    static String render(TrainConfig c, RunResult r, Split split, ImageSet all, int testFromData, String augSummary) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Training report: ").append(c.name()).append("\n\n");
        sb.append("Run folder: `").append(r.runDir()).append("`\n\n");

        sb.append("## Configuration\n\n| | |\n|---|---|\n");
        row(sb, "data", c.data().type().name().toLowerCase(Locale.ROOT) + " "
                + (c.data().trainImages() != null ? "`" + c.data().trainImages() + "`" : "`" + c.data().root() + "`")
                + (c.data().limit() > 0 ? " (limit " + c.data().limit() + ")" : ""));
        row(sb, "model", c.model().describe());
        row(sb, "regularization", String.format(Locale.ROOT, "l2 %s (%s), l1 %s, dropout %s",
                num(c.regularization().l2()), c.regularization().form().name().toLowerCase(Locale.ROOT),
                num(c.regularization().l1()), dropouts(c)));
        row(sb, "augmentation (train only)", augSummary);
        row(sb, "optimizer", String.format(Locale.ROOT, "%s, learning rate %s",
                c.optimizer().type().name().toLowerCase(Locale.ROOT), num(c.optimizer().learningRate())));
        row(sb, "schedule", c.schedule().type().name().toLowerCase(Locale.ROOT)
                + (c.schedule().warmup() > 0 ? ", warm-up " + c.schedule().warmup()
                        + (c.schedule().perEpoch() ? " epochs" : " steps") : ""));
        row(sb, "epochs / batch size", c.epochs() + " / " + c.batchSize());
        row(sb, "early stopping", c.earlyStopping() == null ? "off"
                : String.format(Locale.ROOT, "on %s, patience %d, restore best weights %s", c.earlyStopping().monitor(),
                        c.earlyStopping().patience(), c.earlyStopping().restoreBestWeights()));
        row(sb, "seed", Long.toString(c.seed()));
        sb.append("\nThe full configuration, with every default filled in, is `config.yaml` in the run folder.\n\n");

        sb.append("## Data\n\n| split | examples |\n|---|---:|\n");
        sb.append("| train | ").append(split.train().length).append(" |\n");
        sb.append("| validation | ").append(split.val().length)
                .append(c.split().mergeVal() ? " (trained on: split.merge_val)" : "").append(" |\n");
        sb.append("| test | ").append(split.test().length).append(testFromData > 0 ? " (the dataset's own test set)"
                : "").append(" |\n\n");
        sb.append(String.format(Locale.ROOT, "%d images of %dx%d, %d channel(s), %d classes (%s). The split is"
                        + " saved in `split.json`, the normalization (train-split statistics) in"
                        + " `normalization.json`.%n%n", all.size(), all.height(), all.width(), all.channels(),
                all.numClasses(), String.join(", ", all.classNames())));
        if (!split.warnings().isEmpty()) {
            sb.append("Split warnings:\n\n");
            split.warnings().forEach(w -> sb.append("- ").append(w).append('\n'));
            sb.append('\n');
        }

        sb.append("## Training\n\n");
        sb.append(String.format(Locale.ROOT, "%d epoch(s) run. %s%n%n", r.history().size(),
                r.stopReason() != null ? "Stopped early: " + r.stopReason() + "." : "All epochs ran."));
        sb.append(String.format(Locale.ROOT, "The model keeps the weights of epoch %d%s.%n%n", r.bestEpoch(),
                r.restoredBest() ? " (best " + c.earlyStopping().monitor() + ", restored)" : " (the last epoch)"));
        sb.append("![learning curves](curves.png)\n\n");
        sb.append("| epoch | train loss | train error | val loss | val error | lr | time (s) |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Map<String, Double>> rows = r.history().rows();
        for (Map<String, Double> row : rows) {
            int e = row.get("epoch").intValue();
            String mark = (e == r.bestEpoch() ? " best" : "") + (e == r.stoppedEpoch() ? " stop" : "");
            sb.append(String.format(Locale.ROOT, "| %d%s | %.4f | %.2f %% | %s | %s | %.3g | %.1f |%n", e, mark,
                    row.get("loss"), 100 * (1 - row.get("accuracy")),
                    row.containsKey("val_loss") ? String.format(Locale.ROOT, "%.4f", row.get("val_loss")) : "-",
                    row.containsKey("val_accuracy")
                            ? String.format(Locale.ROOT, "%.2f %%", 100 * (1 - row.get("val_accuracy"))) : "-",
                    row.get("lr"), row.get("epoch_time_s")));
        }
        sb.append("\nTrain loss and error in this table are running averages during each epoch, with dropout and"
                + " augmentation on; the figures below re-evaluate the final weights cleanly.\n\n");

        sb.append("## Final errors\n\n| set | examples | loss | error | accuracy |\n|---|---:|---:|---:|---:|\n");
        metricRow(sb, "train (clean pass, final weights)", r.train());
        if (r.val() != null) {
            metricRow(sb, "validation", r.val());
        }
        sb.append('\n');

        Diagnosis.Result d = r.diagnosis();
        if (d == null) {
            sb.append("## Diagnosis\n\nNone: the validation examples were trained on (`split.merge_val`), so there"
                    + " is no validation error to compare the train error with.\n\n");
        } else {
            diagnosis(sb, d);
        }
        test(sb, r);
        files(sb, r);
        return sb.toString();
    }

    private static void diagnosis(StringBuilder sb, Diagnosis.Result d) {
        sb.append("## Diagnosis: ").append(d.verdict()).append("\n\n");
        sb.append(String.format(Locale.ROOT,
                "| quantity | value | threshold |%n|---|---:|---:|%n"
                        + "| base error (human-level / optimal, configured) | %.2f %% | |%n"
                        + "| train error | %.2f %% | |%n"
                        + "| validation error | %.2f %% | |%n"
                        + "| avoidable bias = train - base | %.2f points | high bias above %.1f points |%n"
                        + "| variance = validation - train | %.2f points | high variance above %.1f points |%n%n",
                100 * d.baseError(), 100 * d.trainError(), 100 * d.valError(), 100 * d.avoidableBias(),
                100 * d.thresholds().bias(), 100 * d.variance(), 100 * d.thresholds().variance()));
        sb.append(switch (d.verdict()) {
            case HIGH_BIAS -> "The model does not fit the training data well enough (underfitting).";
            case HIGH_VARIANCE -> "The model fits the training data much better than data it has not seen"
                    + " (overfitting).";
            case BOTH -> "The model underfits the training data and, on top of that, generalizes poorly.";
            case NEITHER -> "Neither gap exceeds its threshold.";
        }).append(" The verdict uses the train and validation errors only; the test set plays no part.\n\n");
        sb.append("### Next steps\n\n");
        for (String s : d.nextSteps()) {
            if (s.startsWith("  ")) {
                sb.append("   - ").append(s.strip()).append('\n');
            } else {
                sb.append("- ").append(s).append('\n');
            }
        }
        sb.append('\n');
    }

    private static void test(StringBuilder sb, RunResult r) {
        sb.append("## Test set (reported apart)\n\n");
        if (r.test() == null) {
            sb.append("No test set (split.test is 0 and the data has none).\n\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Measured once, after training, with the final weights: **%.2f %%"
                            + " accuracy** (error %.2f %%, loss %.4f) on %d examples. It was not used for early"
                            + " stopping, model choice or the diagnosis.%n%n", 100 * r.test().accuracy(),
                    100 * r.test().error(), r.test().loss(), r.test().examples()));
        }
    }

    private static void files(StringBuilder sb, RunResult r) {
        sb.append("## Files\n\n");
        sb.append("- `config.yaml`: the effective configuration (resume reads it)\n");
        sb.append("- `history.csv`, `history.json`: per-epoch metrics\n");
        sb.append("- `curves.png`: loss and error curves\n");
        sb.append("- `split.json`, `normalization.json`: the split and the input statistics\n");
        sb.append("- `model/model.params`: the final model (weights, architecture, class names, normalization)\n");
        sb.append("- `last.ckpt`: the last checkpoint\n");
        sb.append("- `result.json`: the figures of this report, for scripts\n\n");
        sb.append(String.format(Locale.ROOT, "Evaluate again, per class: `aug evaluate --model %s` (the test split"
                + " of this run) or add `--data <folder of class sub-folders, or a training config>`.%n", r.runDir()));
    }

    private static String augSummary(PipelineSpec spec) {
        String yaml = Specs.toYaml(spec).strip();
        StringBuilder names = new StringBuilder();
        for (String line : yaml.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("- transform:") || t.startsWith("transform:")) {
                names.append(names.length() > 0 ? ", " : "").append(t.substring(t.indexOf(':') + 1).strip());
            }
        }
        return names.length() == 0 ? "see config.yaml" : names + " (spec in config.yaml)";
    }

    private static Map<String, Object> resultJson(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs_run", r.history().size());
        m.put("best_epoch", r.bestEpoch());
        m.put("stopped_epoch", r.stoppedEpoch());
        m.put("stop_reason", r.stopReason());
        m.put("train", metrics(r.train()));
        m.put("val", r.val() == null ? null : metrics(r.val()));
        m.put("test", r.test() == null ? null : metrics(r.test()));
        m.put("diagnosis", r.diagnosis() == null ? null : diagnosis(r.diagnosis()));
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> diagnosis(Diagnosis.Result x) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("verdict", x.verdict().name());
        d.put("base_error", x.baseError());
        d.put("avoidable_bias", x.avoidableBias());
        d.put("variance", x.variance());
        d.put("bias_threshold", x.thresholds().bias());
        d.put("variance_threshold", x.thresholds().variance());
        d.put("next_steps", x.nextSteps());
        return d;
    }

    private static Map<String, Object> metrics(EvalMetrics x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("examples", x.examples());
        m.put("loss", x.loss());
        m.put("accuracy", x.accuracy());
        m.put("error", x.error());
        return m;
    }

    /**
     * Prints the summary: the model's epoch, errors, test figure, diagnosis and next steps.
     *
     * @param r the run's result
     * @param out the console
     */
    static void printSummary(RunResult r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Model of epoch %d. Train error %.2f %%%s.%n", r.bestEpoch(), 100 * r.train().error(),
                r.val() == null ? " (no validation split: split.merge_val)"
                        : String.format(Locale.ROOT, ", validation error %.2f %%", 100 * r.val().error()));
        if (r.test() != null) {
            out.printf(Locale.ROOT, "Test (measured once, reported apart): accuracy %.2f %%, error %.2f %% on %d"
                    + " examples.%n", 100 * r.test().accuracy(), 100 * r.test().error(), r.test().examples());
        }
        if (r.diagnosis() != null) {
            out.println("Diagnosis: " + r.diagnosis().summary());
            out.printf(Locale.ROOT, "  thresholds: high bias above %.1f points, high variance above %.1f points%n",
                    100 * r.diagnosis().thresholds().bias(), 100 * r.diagnosis().thresholds().variance());
            out.println("Next steps:");
            r.diagnosis().nextSteps().forEach(s -> out.println("  - " + s.strip()));
        }
        dataWaitNote(r.history()).ifPresent(out::println);
        out.println("Report: " + r.report());
        out.println("Curves: " + r.curves());
    }

    /** Share of the training time (all epochs) above which the summary points at the loader. */
    static final double DATA_WAIT_NOTE = 0.05;

    /**
     * A note when the training loop waited for data more than {@link #DATA_WAIT_NOTE} of the time it trained (the
     * history's {@code data_wait_s} over its {@code epoch_time_s}): the loader's workers were too few or starved of
     * CPU by PyTorch's threads.
     */
    static Optional<String> dataWaitNote(History history) {
        double[] wait = history.get("data_wait_s");
        double[] time = history.get("epoch_time_s");
        double w = 0;
        double t = 0;
        for (int i = 0; i < Math.min(wait.length, time.length); i++) {
            if (Double.isFinite(wait[i]) && Double.isFinite(time[i])) {
                w += wait[i];
                t += time[i];
            }
        }
        if (!(t > 0) || w / t <= DATA_WAIT_NOTE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Waiting for data: %.1f %% of the training time. More"
                + " `workers` help if cores are free; on few cores, `torch_threads: 1` gives the loader a core, which"
                + " pays for a network whose step is small next to its augmentation (trainer/CONFIG.md).",
                100 * w / t));
    }

    static void write(Path file, String text) throws IOException {
        Json.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    private static void metricRow(StringBuilder sb, String name, EvalMetrics m) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.2f %% | %.2f %% |%n", name, m.examples(), m.loss(),
                100 * m.error(), 100 * m.accuracy()));
    }

    private static String num(double v) {
        return v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toString();
    }

    private static String dropouts(TrainConfig c) {
        StringBuilder sb = new StringBuilder();
        c.model().conv().forEach(x -> sb.append(sb.length() > 0 ? "/" : "").append(num(x.dropout())));
        c.model().dense().forEach(x -> sb.append(sb.length() > 0 ? "/" : "").append(num(x.dropout())));
        return sb.length() == 0 ? "none" : sb + " (per layer)";
    }
}
