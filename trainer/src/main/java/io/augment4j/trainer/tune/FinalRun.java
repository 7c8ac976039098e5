package io.augment4j.trainer.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.api.AugmentException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.run.RunException;
import io.augment4j.trainer.run.RunFolder;
import io.augment4j.trainer.run.RunResult;
import io.augment4j.trainer.run.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A study's final test ({@code aug tune --final DIR}): the best trial's values trained once more,
 * as {@code aug train} trains a config, into a run folder of the study, and the test set measured
 * once, after training. The only time a study's test files are read.
 *
 * <p>The config is derived from the journal alone (the best COMPLETE trial, the base config the
 * study recorded), except for {@link Variant#full()}, which reads the study file again. Its test
 * files are kept (a trial's config has them removed), its data paths made absolute, and it is
 * written as {@code final.yaml} into the run folder before training starts; the run folder's
 * {@code config.yaml} holds the same config with every default filled in. The variants:
 * <ul>
 *   <li>default: the study's base config (with the study's {@code overrides:}) with the best
 *       values, on the train split of the trials, with its early stopping on the same validation
 *       split; into {@code DIR/final};
 *   <li>{@link Variant#full()}: the best values set into the study's {@code base:} config WITHOUT
 *       the study's {@code overrides:} (the full recipe: its data, its epochs, its early stopping);
 *       into {@code DIR/final-full}. The study file must still describe the study (its spec
 *       hash, as for a resume);
 *   <li>{@link Variant#trainVal()}: the default config on train + validation together
 *       ({@code split.merge_val}), no early stopping, for the best trial's epoch count (its 0-based
 *       best epoch + 1: the epoch whose weights it ended with); into {@code DIR/final-trainval}.
 *       It does not combine with {@code full}: that epoch count was found under the study's
 *       overrides.
 * </ul>
 */
public final class FinalRun {

    /** The derived config's file name inside the run folder. */
    public static final String CONFIG = "final.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private FinalRun() {}

    /**
     * Which final run.
     *
     * @param full the best values in the study's base config without its overrides
     * @param trainVal train on train + validation for the best trial's epoch count
     */
    public record Variant(boolean full, boolean trainVal) {

        /** The default: the study's config, on the train split. */
        public static final Variant STUDY = new Variant(false, false);

        /** @return the run folder's name inside the study folder */
        public String folder() {
            return "final" + (full ? "-full" : "") + (trainVal ? "-trainval" : "");
        }

        /** @return what the variant trains, for the console */
        public String describe() {
            return (full ? "the full base config (the study's overrides dropped)" : "the study's config")
                    + (trainVal ? ", on train + validation, no early stopping" : ", on the train split");
        }
    }

    /**
     * Derives the final config, writes it into the run folder and trains it with {@code aug train}.
     *
     * @param registry the transforms the config's augmentation may use
     * @param dir the study folder
     * @param variant which final run
     * @param out progress, as {@code aug train}'s
     * @return the run's result (its test figure measured once)
     * @throws AugmentException for user errors (no study, no complete trial, a final run already in
     *     the folder, a changed study file, missing test files); {@code RunInterruptedException} after Ctrl-C
     */
    public static RunResult run(TransformRegistry registry, Path dir, Variant variant, PrintStream out) {
        Prepared p = prepare(new StudyLoader(registry), dir.toAbsolutePath().normalize(), variant);
        out.println(p.summary());
        out.println("The test set is measured once, at the end.");
        return TrainingRun.start(registry, p.config(), p.config().getParent(), false, out);
    }

    /** A written final config and what it is, for the console. */
    record Prepared(Path config, String summary) {}

    static Prepared prepare(StudyLoader loader, Path dir, Variant variant) {
        if (variant.full() && variant.trainVal()) {
            throw new RunException("--full and --train-on train+val do not combine: the best trial's epoch count"
                    + " was found under the study's overrides (its data and epochs), so it says nothing about the"
                    + " full config; run --full alone (it keeps its own early stopping on the validation split)");
        }
        Journal journal = read(dir);
        ObjectNode h = journal.header();
        if (h == null || StudyResults.objective(h)) {
            throw new RunException(dir + " holds " + (h == null ? "no study yet" : "an objective study: it has no"
                    + " training config to train again"));
        }
        Direction direction = Direction.valueOf(h.path("direction").asText());
        TrialRecord best = StudyResults.best(journal.records(), direction).orElseThrow(() -> new RunException(
                "the study in " + dir + " has no complete trial yet (aug tune --resume " + dir + " to finish it)"));
        Path runDir = dir.resolve(variant.folder());
        if (Files.exists(runDir.resolve(RunFolder.CONFIG_FILE))) {
            throw new RunException(runDir + " already holds a final run (see its report.md): resume an interrupted"
                    + " one with aug train --resume " + runDir + ", or delete the folder to train it again");
        }
        ObjectNode studyBase = (ObjectNode) h.get("base");
        Path baseDir = Path.of(h.path("base_dir").asText());
        String name = h.path("name").asText() + "-" + variant.folder();
        String from = "the study's config";
        ObjectNode base = studyBase;
        if (variant.full()) {
            base = recipe(loader, h, dir);
            List<String> dropped = differences(studyBase, base, "");
            from = "the base config without the study's overrides" + (dropped.isEmpty() ? " (it has none)"
                    : " (" + String.join(", ", dropped) + " as in the base config)");
        }
        ObjectNode tree;
        try {
            tree = config(base, baseDir, best, name, variant.trainVal());
        } catch (IllegalArgumentException e) {
            throw new RunException("cannot set the best trial's values into " + from + ": " + e.getMessage(), e);
        }
        String monitor = h.path("monitor").asText();
        String summary = String.format(Locale.ROOT, "Final run (%s): trial %d's values (%s %s at epoch %d) in %s%s,"
                        + " into %s.", variant.folder(), best.number(), monitor, StudyResults.value(best.value()),
                best.bestEpoch() + 1, from, variant.trainVal() ? "; trained on train + validation for "
                        + (best.bestEpoch() + 1) + " epoch(s) (the trial's best epoch), no early stopping"
                        : "; trained on the train split", runDir);
        Path file = runDir.resolve(CONFIG);
        try {
            Files.createDirectories(runDir);
            Json.writeAtomically(file, ("# aug tune --final: " + summary + "\n# The run folder's config.yaml holds it"
                    + " with every default filled in.\n" + YAML.writeValueAsString(tree))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new RunException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Prepared(file, summary);
    }

    /**
     * The final config: the base with the best trial's values, test files kept, data paths
     * absolute; for train + validation, {@code split.merge_val}, no early stopping and the
     * trial's epoch count (its 0-based best epoch + 1).
     *
     * @param base the study's base config, or the recipe without the study's overrides
     * @param baseDir the folder its relative paths are relative to
     * @param best the best trial
     * @param name the config's name
     * @param trainVal train on train + validation
     * @return the tree
     * @throws IllegalArgumentException when a value's path does not fit the base
     */
    static ObjectNode config(ObjectNode base, Path baseDir, TrialRecord best, String name, boolean trainVal) {
        ObjectNode tree = StudyConfigs.best(base, best.params(), baseDir, name);
        if (trainVal) {
            tree.put("epochs", best.bestEpoch() + 1);
            tree.remove("early_stopping");
            JsonNode split = tree.get("split");
            (split instanceof ObjectNode s ? s : tree.putObject("split")).put("merge_val", true);
        }
        return tree;
    }

    /** The study file's base config without its overrides, once the file is checked to be the journal's study. */
    private static ObjectNode recipe(StudyLoader loader, ObjectNode h, Path dir) {
        String source = h.path("source").asText(null);
        if (source == null) {
            throw new RunException("--full reads the study file, but " + dir + "'s study was started from Java code");
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new RunException("--full reads the base config named by the study file " + file + ", which no"
                    + " longer exists: put it back");
        }
        if (!SpecHash.matches(h, loader.load(file))) {
            throw new RunException("the study file " + file + " (or its base config) changed since the study in "
                    + dir + " started: --full takes the base config from it, so put back the study's version");
        }
        return loader.recipe(file);
    }

    /** @return the leaf paths where two config trees differ (what the study's overrides changed) */
    static List<String> differences(JsonNode a, JsonNode b, String at) {
        List<String> out = new ArrayList<>();
        if (a instanceof ObjectNode x && b instanceof ObjectNode y) {
            Set<String> names = new LinkedHashSet<>();
            x.fieldNames().forEachRemaining(names::add);
            y.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = names.iterator(); it.hasNext();) {
                String n = it.next();
                out.addAll(differences(x.get(n), y.get(n), at.isEmpty() ? n : at + "." + n));
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(at);
        }
        return out;
    }

    private static Journal read(Path dir) {
        return Journal.readFolder(dir);
    }
}
