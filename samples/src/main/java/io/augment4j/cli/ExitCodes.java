package io.augment4j.cli;

/** The exit codes of {@code aug}. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran, but some inputs failed (each was reported with its file and reason). */
    public static final int INPUT_FAILED = 1;
    /**
     * The command could not run as asked: bad options, a bad spec, unknown transform, unusable folders, or a
     * transform whose own code failed (a plugin bug, reported with the transform, its jar and the input).
     */
    public static final int USAGE = 2;
    /** A bug in aug or a library: reported with a stack trace under {@code --verbose}. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
