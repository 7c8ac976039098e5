package io.augment4j.trainer.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says when a validation or test split is too small to rank models, and which classes it lacks.
 *
 * <p>An accuracy measured on {@code n} examples has a standard error of up to
 * {@code sqrt(0.25 / n)}; two models whose accuracies differ by less than about two standard
 * errors cannot be told apart. With 100 examples that is 10 points, with 1 000 about 3, with
 * 10 000 about 1.
 */
public final class SplitAdvisor {

    /** Below this many examples a split cannot separate models a few points apart. */
    public static final int MIN_RANKING_SIZE = 1000;

    private SplitAdvisor() {}

    /**
     * @param labels all labels
     * @param numClasses number of classes
     * @param val validation indices
     * @param test test indices
     * @return warnings, empty when the split is fine; a class missing from a part is named with
     *     its number of examples
     */
    public static List<String> warnings(int[] labels, int numClasses, int[] val, int[] test) {
        List<String> out = new ArrayList<>();
        check("validation", val, labels, numClasses, out);
        if (test.length > 0) {
            check("test", test, labels, numClasses, out);
        }
        return out;
    }

    /**
     * The warnings of a split without a validation part (its validation examples trained on).
     *
     * @param labels all labels
     * @param numClasses number of classes
     * @param test test indices
     * @return the warnings about the test part only
     */
    public static List<String> testWarnings(int[] labels, int numClasses, int[] test) {
        List<String> out = new ArrayList<>();
        if (test.length > 0) {
            check("test", test, labels, numClasses, out);
        }
        return out;
    }

    private static void check(String name, int[] idx, int[] labels, int numClasses, List<String> out) {
        if (idx.length == 0) {
            out.add("The " + name + " split is empty: no way to " + (name.equals("test")
                    ? "estimate generalization error" : "pick models, tune or stop early") + ".");
            return;
        }
        if (idx.length < MIN_RANKING_SIZE) {
            double twoSe = 2 * Math.sqrt(0.25 / idx.length) * 100;
            out.add(String.format(Locale.ROOT,
                    "The %s split has only %d examples: accuracy differences below about %.1f"
                            + " points are noise (2 standard errors), so it cannot rank similar"
                            + " models. Use at least %d examples if the data allows.",
                    name, idx.length, twoSe, MIN_RANKING_SIZE));
        }
        int[] total = new int[numClasses];
        int[] here = new int[numClasses];
        for (int label : labels) {
            total[label]++;
        }
        for (int i : idx) {
            here[labels[i]]++;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            if (here[k] == 0) {
                missing.add(total[k] == 0 ? k + " (no example at all)"
                        : k + " (" + total[k] + (total[k] == 1 ? " example" : " examples") + " in all)");
            }
        }
        if (!missing.isEmpty()) {
            out.add("The " + name + " split has no example of class" + (missing.size() == 1 ? " " : "es ")
                    + String.join(", ", missing) + " (a class or a split too small for every class to"
                    + " appear in every part): its error says nothing about "
                    + (missing.size() == 1 ? "that class." : "those classes."));
        }
    }
}
