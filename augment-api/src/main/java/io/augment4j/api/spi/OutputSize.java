package io.augment4j.api.spi;

/**
 * What a transform does to the image's height and width, as its {@link TransformDescriptor} declares it. The plugin
 * test kit holds a transform to its declaration: one declared {@link #SAME_AS_INPUT} must return an image of its
 * input's size for every input and seed.
 */
public enum OutputSize {
    /** The output has the input's height and width, whatever the parameters. The default. */
    SAME_AS_INPUT,
    /** The output's height and width may differ from the input's (crops, resizes, padding). */
    MAY_CHANGE
}
