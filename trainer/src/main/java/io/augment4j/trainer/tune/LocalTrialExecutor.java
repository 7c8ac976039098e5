package io.augment4j.trainer.tune;


/**
 * Runs {@code parallel} trials at once in this JVM, each in its own thread, sharing the cores.
 *
 * <p>How the cores are shared: a trial's work is its batch loading (the config's {@code workers}
 * threads) and PyTorch's operators (one intra-op thread pool for the whole process). With
 * {@code parallel} trials on {@code cores} cores, each trial gets {@code cores / parallel} cores:
 * its loader workers are capped at {@code cores / parallel - 1} (0 = the trial's own thread
 * loads its batches), and with {@code parallel > 1} the constructor sets DJL's
 * {@code ai.djl.pytorch.num_threads} to {@code max(1, cores / parallel)} unless it is already set. PyTorch reads that property when its
 * engine starts, so it takes effect only when the executor is made before the first tensor of the
 * process ({@code aug tune} does so). With 2 cores and 2 trials, each trial trains on one thread
 * and loads in it. Loader workers do not change results (every random draw derives from the seed,
 * the epoch and the example).
 */
public final class LocalTrialExecutor implements TrialExecutor {

    /** DJL's system property for PyTorch's intra-op threads, read when the engine starts. */
    public static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private final TrialFunction runner;
    private final int parallel;
    private final int cores;
    private final TrialPool pool;

    /**
     * @param runner runs one trial (a {@link TrialRunner} trains a config, an {@link ObjectiveRunner}
     *     calls an objective)
     * @param parallel how many trials run at once (at least 1)
     */
    public LocalTrialExecutor(TrialFunction runner, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        this.runner = runner;
        this.parallel = parallel;
        this.cores = Runtime.getRuntime().availableProcessors();
        if (System.getProperty(TORCH_THREADS) == null && parallel > 1) {
            System.setProperty(TORCH_THREADS, Integer.toString(Math.max(1, cores / parallel)));
        }
        // the runners turn a trial's failures into outcomes; what reaches take() otherwise is a bug.
        this.pool = new TrialPool(parallel, "aug-trial-%d",
                t -> new IllegalStateException("a trial thread failed", t));
    }

    @Override
    public int parallelism() {
        return parallel;
    }

    @Override
    public int workersPerTrial(int configured) {
        return parallel == 1 ? configured : Math.min(configured, Math.max(0, cores / parallel - 1));
    }

    @Override
    public void submit(Trial trial, TrialMonitor monitor) {
        pool.submit(() -> runner.run(trial, monitor));
    }

    @Override
    public TrialOutcome take() throws InterruptedException {
        return pool.take();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
