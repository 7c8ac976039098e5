/**
 * Entry points for the command line: {@link io.augment4j.trainer.run.TrainingRun#start} runs
 * {@code aug train} (config, run folder, resume, Ctrl-C, report) and
 * {@link io.augment4j.trainer.run.Evaluation#run} runs {@code aug evaluate}.
 */
package io.augment4j.trainer.run;
