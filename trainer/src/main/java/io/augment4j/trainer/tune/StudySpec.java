package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A study, as read from a study file or built in code ({@link Studies#builder()}): what its trials
 * run (a base training config, or the caller's {@link Objective}), what to search and how.
 *
 * @param name the study's name (its default output folder is {@code studies/<name>})
 * @param source the study file, for messages (null when built in code)
 * @param baseDir the folder relative data paths of the base config are resolved against
 * @param base the complete base training config as a tree (the {@code base:} file with the study's
 *     overrides applied, or the inline config); trial configs are this tree with the sampled values
 *     set at their paths. Null for an objective study: its trials call an {@link Objective}
 * @param sampler chooses each trial's values
 * @param pruner stops poor trials early, or null for none
 * @param trials how many trials the study runs in all
 * @param seed the study seed (trial values depend only on it and the trial number)
 * @param monitor the history key trials are ranked on (the base config's
 *     {@code early_stopping.monitor}, a validation metric such as {@code val_loss}; an objective
 *     study's metric)
 * @param direction whether {@code monitor} is minimized or maximized
 */
public record StudySpec(String name, Path source, Path baseDir, ObjectNode base, Sampler sampler, Pruner pruner,
        int trials, long seed, String monitor, Direction direction) {

    /** @return whether its trials call an {@link Objective} (no base config) rather than train a config */
    public boolean objectiveStudy() {
        return base == null;
    }
}
