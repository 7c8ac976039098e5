/**
 * Running batches of independent, serializable tasks: the {@link io.augment4j.api.batch.BatchExecutor} seam, its
 * default thread-pool implementation, and the {@link io.augment4j.api.batch.BatchExecutorProvider} lookup through
 * which cluster engines (the {@code augment-spark} module) plug in.
 */
package io.augment4j.api.batch;
