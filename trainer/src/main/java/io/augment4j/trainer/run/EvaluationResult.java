package io.augment4j.trainer.run;

import java.util.List;

/**
 * The outcome of {@link Evaluation#run}.
 *
 * @param modelDir the model folder evaluated
 * @param data what it was evaluated on, in words
 * @param examples examples evaluated
 * @param loss mean cross-entropy
 * @param accuracy share classified correctly
 * @param classNames class names by label
 * @param confusion counts: {@code confusion[true][predicted]}
 */
public record EvaluationResult(String modelDir, String data, int examples, double loss, double accuracy,
        List<String> classNames, long[][] confusion) {

    /** @return 1 - accuracy */
    public double error() {
        return 1 - accuracy;
    }

    /** @param k class @return recall of class k (correct / examples of k), NaN when it has none */
    public double classAccuracy(int k) {
        long total = 0;
        for (long c : confusion[k]) {
            total += c;
        }
        return total == 0 ? Double.NaN : (double) confusion[k][k] / total;
    }
}
