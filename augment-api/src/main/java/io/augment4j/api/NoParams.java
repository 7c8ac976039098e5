package io.augment4j.api;

/** The parameters of a transform that draws nothing at random (a fixed flip, a to-gray). */
public enum NoParams {
    INSTANCE
}
