package io.augment4j.trainer.loop;

/**
 * Loss and accuracy over a set of examples.
 *
 * @param loss mean cross-entropy (data loss, no penalty)
 * @param accuracy share classified correctly
 * @param examples how many examples
 */
public record EvalMetrics(double loss, double accuracy, int examples) {

    /** @return 1 - accuracy */
    public double error() {
        return 1 - accuracy;
    }
}
