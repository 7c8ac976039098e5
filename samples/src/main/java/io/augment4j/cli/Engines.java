package io.augment4j.cli;

import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;
import io.augment4j.api.batch.LocalBatchExecutor;
import io.augment4j.trainer.tune.LocalTrialExecutor;
import io.augment4j.trainer.tune.TrialExecutor;
import io.augment4j.trainer.tune.TrialExecutorProvider;
import io.augment4j.trainer.tune.TrialFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engines named by {@code --engine}: {@code local} (this JVM), or one found on the class path through its
 * provider ({@code spark}: augment-spark with Spark's jars), so that the CLI has no compile dependency on Spark.
 */
final class Engines {
    static final String LOCAL = "local";

    private Engines() {
    }

    /** {@code aug apply}'s executor. */
    static BatchExecutor batch(String engine, String master, int threads) {
        if (engine.equals(LOCAL)) {
            if (master != null) {
                throw new UsageException("--master is for --engine spark; the local engine takes --threads");
            }
            return new LocalBatchExecutor(threads);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return BatchExecutorProvider.named(engine, loader)
                .orElseThrow(() -> unknown(engine, BatchExecutorProvider.names(loader)))
                .create(settings(master));
    }

    /** {@code aug tune}'s executor: {@code parallel} trials at once, each run by {@code runner}. */
    static TrialExecutor trials(String engine, String master, TrialFunction runner, int parallel) {
        if (engine.equals(LOCAL)) {
            if (master != null) {
                throw new UsageException("--master is for --engine spark");
            }
            return new LocalTrialExecutor(runner, parallel);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return TrialExecutorProvider.named(engine, loader)
                .orElseThrow(() -> unknown(engine, TrialExecutorProvider.names(loader)))
                .create(runner, parallel, settings(master));
    }

    private static Map<String, String> settings(String master) {
        return master == null ? Map.of() : Map.of("master", master);
    }

    private static UsageException unknown(String engine, List<String> found) {
        List<String> available = new ArrayList<>(List.of(LOCAL));
        available.addAll(found);
        return new UsageException("unknown --engine '" + engine + "'; available: " + String.join(", ", available)
                + (engine.equals("spark") ? " (the spark engine needs augment-spark and Spark's jars on the class path:"
                + " README.md, Running on Spark)" : ""));
    }
}
