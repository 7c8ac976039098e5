/**
 * Hyperparameter tuning: a study samples training configs from a search space, trains each as a
 * trial on the train split, ranks trials on the validation metric only, and may stop poor trials
 * early (pruning). The test split is never read by a trial.
 *
 * <p>The pieces: {@link io.augment4j.trainer.tune.StudySpec} (what to tune, read from a study
 * file), {@link io.augment4j.trainer.tune.Sampler} (which values a trial gets; a trial's values
 * depend only on the study seed, the trial number and, for adaptive samplers, finished trials),
 * {@link io.augment4j.trainer.tune.Pruner} (whether a running trial stops at an epoch), and
 * {@link io.augment4j.trainer.tune.TrialRecord} (what the study knows of each trial).
 *
 * <p>Running them: {@link io.augment4j.trainer.tune.Study} runs a spec's trials through a
 * {@link io.augment4j.trainer.tune.TrialExecutor} ({@link io.augment4j.trainer.tune.LocalTrialExecutor}:
 * K at once in this JVM; other engines, such as augment-spark's, through a
 * {@link io.augment4j.trainer.tune.TrialExecutorProvider}), each a serializable {@link io.augment4j.trainer.tune.Trial} trained by a
 * {@link io.augment4j.trainer.tune.TrialRunner} into a {@link io.augment4j.trainer.tune.TrialOutcome};
 * it records everything in the study folder's {@link io.augment4j.trainer.tune.Journal}, from which
 * a resume continues and {@link io.augment4j.trainer.tune.StudyResults} writes the results;
 * {@link io.augment4j.trainer.tune.FinalRun} trains the best trial's values once more and measures
 * the test set once.
 *
 * <p>Tuning the caller's own code: an objective study (no base config, a metric instead) runs an
 * {@link io.augment4j.trainer.tune.Objective} per trial through an
 * {@link io.augment4j.trainer.tune.ObjectiveRunner}, which gives it a
 * {@link io.augment4j.trainer.tune.TrialContext} (values, folder, {@code report} per epoch,
 * {@code shouldPrune}); {@link io.augment4j.trainer.tune.Study#optimize} sets it up. Both runners
 * are {@link io.augment4j.trainer.tune.TrialFunction}s, so executors run either.
 */
package io.augment4j.trainer.tune;
