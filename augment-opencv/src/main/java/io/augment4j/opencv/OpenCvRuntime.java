package io.augment4j.opencv;

import io.augment4j.api.io.AtomicFiles;
import org.opencv.core.Core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads OpenCV's native library from the openpnp jar, once per JVM.
 *
 * <p>The openpnp loader extracts the 65 MB library to a new temporary folder on every start (0.7-1.7 s measured
 * here), so on Linux x86-64 we extract it once into a cache folder, {@code $XDG_CACHE_HOME/augment4j} or
 * {@code ~/.cache/augment4j} (override with the system property {@code augment4j.cache}), keyed by OpenCV's version
 * and the library's size, and load it from there; later starts take a few milliseconds. Anything unexpected falls
 * back to openpnp's own loader.
 */
public final class OpenCvRuntime {
    private static final String LIBRARY = "libopencv_java490.so";
    private static final String RESOURCE = "/nu/pattern/opencv/linux/x86_64/" + LIBRARY;
    private static volatile boolean loaded;

    private OpenCvRuntime() {
    }

    /** Loads the native library if it is not loaded yet. Cheap after the first call. */
    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCvRuntime.class) {
                if (!loaded) {
                    if (!loadCached()) {
                        // loadLocally extracts the bundled library and System.load()s it; loadShared does not work
                        // on Java 12+.
                        nu.pattern.OpenCV.loadLocally();
                    }
                    loaded = true;
                }
            }
        }
    }

    private static boolean loadCached() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return false;
        }
        try {
            Path lib = cachedLibrary();
            if (lib == null) {
                return false;
            }
            System.load(lib.toString());
            return true;
        } catch (IOException | SecurityException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static Path cachedLibrary() throws IOException {
        long size;
        try (InputStream probe = OpenCvRuntime.class.getResourceAsStream(RESOURCE)) {
            if (probe == null) {
                return null;
            }
        }
        var url = OpenCvRuntime.class.getResource(RESOURCE);
        size = url.openConnection().getContentLengthLong();
        Path dir = cacheRoot().resolve("opencv-4.9.0-" + size);
        Path lib = dir.resolve(LIBRARY);
        if (Files.isRegularFile(lib) && Files.size(lib) == size) {
            return lib;
        }
        Files.createDirectories(dir);
        // Atomic: concurrent first starts never load a half-written library.
        try (InputStream in = OpenCvRuntime.class.getResourceAsStream(RESOURCE)) {
            AtomicFiles.write(lib, in::transferTo);
        }
        return lib;
    }

    private static Path cacheRoot() {
        String explicit = System.getProperty("augment4j.cache");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "augment4j");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "augment4j");
    }

    /** The OpenCV version string, e.g. {@code 4.9.0}. */
    public static String version() {
        ensureLoaded();
        return Core.VERSION;
    }
}
