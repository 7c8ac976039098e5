package io.augment4j.api;

import java.util.Objects;

/**
 * A transform's own code failed: its factory, {@link Transform#sample} or {@link Transform#apply} threw something
 * other than an {@link AugmentException} (a bug in the transform, or a plugin jar missing a class it needs). The
 * message names the transform, the jar (or class folder) it came from, the input and the cause, e.g.
 * {@code transform 'acme.vignette' (from acme-1.0.jar) failed on cats/a.png (24x32x3 UINT8) while applying
 * Strength[value=0.4]: java.lang.IllegalStateException: boom}; the original exception is the {@link #getCause()}.
 *
 * <p>The pipeline knows the image but not its file: whoever read the file adds it with {@link #on(String)}.
 */
public class TransformFailedException extends AugmentException {
    private final String transform;
    private final String origin;
    private final String action;
    private final String image;
    private final String source;

    /**
     * @param transform the transform's name
     * @param origin the jar's file name or the class folder the transform's provider was loaded from
     * @param action what the transform was doing, e.g. {@code applying Angle[degrees=12.0]}
     * @param image the input image described (see {@link Image#describe()}), or {@code null} when there was none
     * @param cause what the transform threw
     */
    public TransformFailedException(String transform, String origin, String action, String image, Throwable cause) {
        this(transform, origin, action, image, null, cause);
    }

    private TransformFailedException(String transform, String origin, String action, String image, String source,
                                     Throwable cause) {
        super(message(transform, origin, action, image, source, cause), Objects.requireNonNull(cause, "cause"));
        this.transform = transform;
        this.origin = origin;
        this.action = action;
        this.image = image;
        this.source = source;
    }

    private static String message(String transform, String origin, String action, String image, String source,
                                  Throwable cause) {
        String on;
        if (source != null) {
            on = " on " + source + (image == null ? "" : " (" + image + ")");
        } else {
            on = image == null ? "" : " on a " + image + " image";
        }
        return "transform '" + transform + "' (from " + origin + ") failed" + on + " while " + action + ": " + cause;
    }

    /** The same failure, naming the input it happened on, e.g. the image file. */
    public TransformFailedException on(String inputSource) {
        TransformFailedException e = new TransformFailedException(transform, origin, action, image,
                Objects.requireNonNull(inputSource, "inputSource"), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The name of the transform that failed. */
    public String transform() {
        return transform;
    }

    /** The jar file name or class folder its provider was loaded from. */
    public String origin() {
        return origin;
    }

    /** The input named with {@link #on(String)}, or {@code null}. */
    public String source() {
        return source;
    }
}
