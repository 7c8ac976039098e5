package io.augment4j.trainer.split;

/**
 * How to split a dataset: by ratios (small and moderate data) or by absolute val/test sizes
 * (big data, where 1 % of a million examples is already a solid test set).
 *
 * <p>Exactly one form is active: {@code valSize}/{@code testSize} of {@code -1} mean "use the
 * ratios". A record with public fields so it reads and writes as plain YAML/JSON config.
 *
 * @param trainRatio share of train examples (ratio form)
 * @param valRatio share of validation examples (ratio form)
 * @param testRatio share of test examples (ratio form)
 * @param valSize absolute validation size, or -1
 * @param testSize absolute test size, or -1
 * @param seed seed of the split: which classes get the leftover examples, and the shuffle inside
 *     each class (see {@link StratifiedSplitter})
 */
public record SplitSpec(
        double trainRatio, double valRatio, double testRatio, int valSize, int testSize, long seed) {

    /** Validates the chosen form. */
    public SplitSpec {
        boolean sizes = valSize >= 0 || testSize >= 0;
        if (sizes) {
            if (valSize < 0 || testSize < 0) {
                throw new IllegalArgumentException("give both valSize and testSize (0 is allowed)");
            }
        } else {
            if (trainRatio <= 0 || valRatio < 0 || testRatio < 0) {
                throw new IllegalArgumentException("ratios must be >= 0 and train > 0");
            }
            double sum = trainRatio + valRatio + testRatio;
            if (Math.abs(sum - 1.0) > 1e-6) {
                throw new IllegalArgumentException("ratios must sum to 1, got " + sum);
            }
        }
    }

    /** @param seed shuffle seed @return the default 70/20/10 split */
    public static SplitSpec defaults(long seed) {
        return ratios(0.7, 0.2, 0.1, seed);
    }

    /**
     * @param train train share
     * @param val validation share
     * @param test test share
     * @param seed shuffle seed
     * @return a ratio split
     */
    public static SplitSpec ratios(double train, double val, double test, long seed) {
        return new SplitSpec(train, val, test, -1, -1, seed);
    }

    /**
     * @param val validation examples
     * @param test test examples
     * @param seed shuffle seed
     * @return an absolute-size split; the rest is train
     */
    public static SplitSpec sizes(int val, int test, long seed) {
        return new SplitSpec(0, 0, 0, val, test, seed);
    }

    /** @return true for the absolute-size form */
    public boolean bySize() {
        return valSize >= 0;
    }
}
