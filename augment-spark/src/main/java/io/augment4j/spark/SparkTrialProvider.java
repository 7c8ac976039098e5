package io.augment4j.spark;

import io.augment4j.trainer.tune.TrialExecutor;
import io.augment4j.trainer.tune.TrialExecutorProvider;
import io.augment4j.trainer.tune.TrialFunction;

import java.util.Map;

/**
 * The {@code spark} trial engine ({@code aug tune --engine spark}): a {@link SparkTrialExecutor}. Settings:
 * {@code master}, as for {@link SparkEngineProvider}. A session already running in this JVM is joined and left
 * running; one started here is stopped when the executor is closed.
 */
public final class SparkTrialProvider implements TrialExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TrialExecutor create(TrialFunction runner, int parallel, Map<String, String> settings) {
        SparkSessions.Joined spark = SparkSessions.join(settings);
        try {
            return new SparkTrialExecutor(spark.session(), spark.startedHere(), runner, parallel);
        } catch (RuntimeException e) {
            if (spark.startedHere()) {
                spark.session().stop();
            }
            throw e;
        }
    }
}
