package io.augment4j.trainer.tune;

import io.augment4j.api.AugmentException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one trial of an objective study: calls the caller's {@link Objective} with a
 * {@link TrialContext} over the trial's values and folder, passes each reported epoch to the
 * study's {@link TrialMonitor} (which journals it and decides pruning), and turns the way the
 * objective ended into an outcome (see {@link Objective} for the rules). The trial's seconds are
 * those of this attempt: an interrupted trial is run again from its start.
 */
public final class ObjectiveRunner implements TrialFunction {

    private final Objective objective;
    private final String metric;
    private final Direction direction;

    /**
     * @param objective the caller's code
     * @param metric the name the reported values are journaled under (the study's monitor)
     * @param direction whether lower or higher values are better
     */
    public ObjectiveRunner(Objective objective, String metric, Direction direction) {
        this.objective = Objects.requireNonNull(objective, "objective");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    @Override
    public TrialOutcome run(Trial trial, TrialMonitor monitor) {
        long t0 = System.nanoTime();
        int n = trial.number();
        Context ctx = new Context(trial, monitor);
        try {
            Files.createDirectories(ctx.dir());
            objective.run(ctx);
            if (ctx.curve.isEmpty()) {
                return TrialOutcome.failed(n, "the objective returned without reporting a value", seconds(t0));
            }
            return outcome(n, TrialState.COMPLETE, ctx.curve, seconds(t0), null);
        } catch (TrialPrunedException e) {
            String reason = ctx.decision != null ? ctx.decision
                    : e.getMessage() != null ? e.getMessage() : "pruned by the objective";
            return outcome(n, TrialState.PRUNED, ctx.curve, seconds(t0), reason);
        } catch (InterruptedException | InterruptedIOException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            return outcome(n, TrialState.RUNNING, ctx.curve, seconds(t0), "interrupted");
        } catch (AugmentException e) {
            return TrialOutcome.failed(n, e.getMessage(), seconds(t0));
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return outcome(n, TrialState.RUNNING, ctx.curve, seconds(t0), "interrupted");
            }
            return TrialOutcome.failed(n, e.getClass().getSimpleName() + ": " + e.getMessage(), seconds(t0));
        }
    }

    /** The value is the best reported one in the study's direction (the earliest on ties). */
    private TrialOutcome outcome(int n, TrialState state, List<Double> curve, double seconds, String reason) {
        Integer best = null;
        for (int e = 0; e < curve.size(); e++) {
            if (best == null || direction.better(curve.get(e), curve.get(best))) {
                best = e;
            }
        }
        return new TrialOutcome(n, state, curve, best == null ? null : curve.get(best), best, seconds, reason, null,
                null);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private final class Context implements TrialContext {
        private final Trial trial;
        private final TrialMonitor monitor;
        private final List<Double> curve = new ArrayList<>();
        private long last = System.nanoTime();
        private String decision;

        Context(Trial trial, TrialMonitor monitor) {
            this.trial = trial;
            this.monitor = monitor;
        }

        @Override
        public int number() {
            return trial.number();
        }

        @Override
        public Map<String, Object> params() {
            return trial.params();
        }

        private Object get(String name) {
            Object v = trial.params().get(name);
            if (v == null) {
                throw new IllegalArgumentException("no parameter '" + name + "' in the search space "
                        + trial.params().keySet());
            }
            return v;
        }

        private IllegalArgumentException wrongType(String name, Object v, String wanted) {
            return new IllegalArgumentException("parameter '" + name + "' is " + v + " (" + v.getClass().getSimpleName()
                    + "), not " + wanted);
        }

        @Override
        public double getDouble(String name) {
            Object v = get(name);
            if (v instanceof Number x) {
                return x.doubleValue();
            }
            throw wrongType(name, v, "a number");
        }

        @Override
        public int getInt(String name) {
            Object v = get(name);
            if (v instanceof Number x && x.doubleValue() == Math.rint(x.doubleValue())
                    && Math.abs(x.doubleValue()) <= Integer.MAX_VALUE) {
                return x.intValue();
            }
            throw wrongType(name, v, "a whole number");
        }

        @Override
        public String getString(String name) {
            Object v = get(name);
            if (v instanceof String s) {
                return s;
            }
            throw wrongType(name, v, "a string");
        }

        @Override
        public boolean getBoolean(String name) {
            Object v = get(name);
            if (v instanceof Boolean b) {
                return b;
            }
            throw wrongType(name, v, "a boolean");
        }

        @Override
        public Path dir() {
            return Path.of(trial.trialDir());
        }

        @Override
        public void report(int epoch, double value) {
            if (epoch != curve.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "trial %d reported epoch %d after %d"
                        + " epoch(s): report epochs 0, 1, 2, ... in order", trial.number(), epoch, curve.size()));
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the objective reported %s = %s at"
                        + " epoch %d", metric, value, epoch));
            }
            long now = System.nanoTime();
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put(metric, value);
            logs.put("epoch_time_s", (now - last) / 1e9);
            last = now;
            curve.add(value);
            decision = monitor.epochEnded(trial.number(), epoch, logs, false);
        }

        @Override
        public boolean shouldPrune() {
            return decision != null;
        }
    }
}
