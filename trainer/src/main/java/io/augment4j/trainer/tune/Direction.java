package io.augment4j.trainer.tune;

/** Whether a study's objective is minimized (a loss, an error) or maximized (an accuracy). */
public enum Direction {
    /** Lower is better. */
    MINIMIZE,
    /** Higher is better. */
    MAXIMIZE;

    /**
     * @param a a value
     * @param b another value
     * @return whether {@code a} is strictly better than {@code b} in this direction
     */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }
}
