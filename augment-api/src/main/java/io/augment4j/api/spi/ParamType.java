package io.augment4j.api.spi;

/** The value types a transform parameter can have, and what a spec may write for each. */
public enum ParamType {
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A whole number. */
    INT,
    /** Any number. */
    DOUBLE,
    /** One of a fixed set of words, e.g. a border mode. */
    CHOICE,
    /**
     * An interval {@code [lo, hi]} from which a value is drawn: a spec writes either {@code [lo, hi]} or one number
     * {@code v}, read as {@code [center - v, center + v]} with the parameter's declared center (0 unless stated).
     */
    RANGE,
    /** A list of numbers, e.g. a per-channel mean; one number stands for a one-element list. */
    DOUBLES
}
