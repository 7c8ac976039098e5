package io.augment4j.opencv;

import org.opencv.core.Core;

/** Loads OpenCV's native library from the openpnp jar, once per JVM. */
public final class OpenCvRuntime {
    private static volatile boolean loaded;

    private OpenCvRuntime() {
    }

    /** Loads the native library if it is not loaded yet. Cheap after the first call. */
    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCvRuntime.class) {
                if (!loaded) {
                    // loadLocally extracts the bundled library and System.load()s it; loadShared does not work on
                    // Java 12+.
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }

    /** The OpenCV version string, e.g. {@code 4.9.0}. */
    public static String version() {
        ensureLoaded();
        return Core.VERSION;
    }
}
