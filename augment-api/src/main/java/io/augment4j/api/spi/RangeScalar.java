package io.augment4j.api.spi;

/** What a single number {@code v} written for a {@link ParamType#RANGE} parameter means. */
public enum RangeScalar {
    /** {@code [center - v, center + v]}; an end outside the allowed bounds is an error. The default. */
    AROUND_CENTER,
    /**
     * {@code [center - v, center + v]} with each end moved into the allowed bounds, as torchvision reads factor
     * ranges: brightness {@code 1.5} means {@code [0, 2.5]}.
     */
    AROUND_CENTER_CLAMPED,
    /** Exactly {@code v}, i.e. {@code [v, v]}: e.g. a noise sigma of {@code 10}. */
    EXACT
}
