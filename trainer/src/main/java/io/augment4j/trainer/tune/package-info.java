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
 */
package io.augment4j.trainer.tune;
