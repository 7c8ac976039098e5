/**
 * The Apache Spark engine (Spark is {@code provided}). {@link io.augment4j.spark.SparkEngineProvider} plugs
 * {@link io.augment4j.spark.SparkBatchExecutor} into the {@link io.augment4j.api.batch.BatchExecutor} seam as
 * {@code spark} ({@code aug apply --engine spark}); {@link io.augment4j.spark.SparkAugment} serves programs that stay
 * in Spark, over {@code Dataset<Row>}s of encoded images.
 *
 * <p>Tuning: {@link io.augment4j.spark.SparkTrialProvider} plugs {@link io.augment4j.spark.SparkTrialExecutor} into
 * trainer's {@code TrialExecutor} seam as {@code spark} ({@code aug tune --engine spark}): one trial per Spark task,
 * the study (journal, pruning) on the driver. It needs trainer on the class path, which this module depends on
 * optionally: programs that only augment do not get DJL.
 */
package io.augment4j.spark;
