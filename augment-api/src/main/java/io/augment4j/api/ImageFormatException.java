package io.augment4j.api;

/** An image whose shape, channel count or pixel type this library cannot represent or a transform cannot take. */
public class ImageFormatException extends AugmentException {
    public ImageFormatException(String message) {
        super(message);
    }
}
