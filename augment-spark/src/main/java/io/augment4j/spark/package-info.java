/**
 * The Apache Spark engine (Spark is {@code provided}). {@link io.augment4j.spark.SparkEngineProvider} plugs
 * {@link io.augment4j.spark.SparkBatchExecutor} into the {@link io.augment4j.api.batch.BatchExecutor} seam as
 * {@code spark} ({@code aug apply --engine spark}); {@link io.augment4j.spark.SparkAugment} serves programs that stay
 * in Spark, over {@code Dataset<Row>}s of encoded images.
 *
 * <p>Tuning on Spark ({@code aug tune --engine spark}) is not implemented here yet. The intended seam: each trial a
 * serializable {@link io.augment4j.api.batch.BatchTask} whose draws come from (study seed, trial number), run one per
 * Spark task ({@code tasksPerPartition} 1), with the study journal written by the driver-side
 * {@link io.augment4j.api.batch.TaskListener}; the listener hears only each task's successful attempt, so a lost
 * executor's trial is rerun and never counted twice.
 */
package io.augment4j.spark;
