package io.augment4j.trainer.model;

/**
 * Weight initialization: zero-mean normal with a variance set by the fan-in {@code n_in}.
 *
 * <p>Implemented by us rather than with DJL's initializers: DJL's default is He-normal for every
 * activation and {@code new XavierInitializer()} uses magnitude 6 (not the 1/n_in this
 * toolkit documents), and ours is seeded per parameter, so a run is reproducible.
 */
public enum Init {
    /** Pick from the activation: He for ReLU, Xavier for tanh/sigmoid. */
    AUTO,
    /** Variance 2/n_in (He et al. 2015), for ReLU. */
    HE,
    /** Variance 1/n_in (the lecture's "Xavier"), for tanh. */
    XAVIER;

    /**
     * @param fanIn inputs per output unit (in-features, or in-channels x kernel area)
     * @return the standard deviation to draw weights with
     */
    public double std(long fanIn) {
        return switch (this) {
            case HE -> Math.sqrt(2.0 / fanIn);
            case XAVIER -> Math.sqrt(1.0 / fanIn);
            case AUTO -> throw new IllegalStateException("resolve AUTO against the activation first");
        };
    }

    /** @param activation the network's activation @return this, or its default when AUTO */
    public Init resolve(ActivationType activation) {
        return this == AUTO ? activation.defaultInit() : this;
    }
}
