package io.augment4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Output paths that can never escape their root folder, lexically or through symbolic links. */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * {@code root/relative}, refused when {@code relative} is absolute or its {@code ..} segments leave
     * {@code root}.
     *
     * @throws UsageException naming the path when it would escape
     */
    public static Path resolveInside(Path root, String relative) {
        Path r = root.toAbsolutePath().normalize();
        Path rel;
        try {
            rel = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new UsageException("invalid output path '" + relative + "': " + e.getReason());
        }
        if (rel.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw new UsageException("output path '" + relative + "' is absolute; it must stay inside " + r);
        }
        Path p = r.resolve(rel).normalize();
        if (!p.startsWith(r) || p.equals(r)) {
            throw new UsageException("output path '" + relative + "' escapes the output folder " + r);
        }
        return p;
    }

    /**
     * Creates {@code file}'s parent folders and checks that, once symbolic links are resolved, the parent still lies
     * inside {@code root}.
     *
     * @throws UsageException when a folder cannot be created or a link leads outside {@code root}
     */
    public static void createParentInside(Path root, Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Path r = root.toAbsolutePath().normalize();
        if (!parent.startsWith(r)) {
            throw new UsageException("output path " + file + " escapes the output folder " + r);
        }
        try {
            Path realRoot = r.toRealPath();
            // one folder at a time, checking each before creating anything below it
            Path cur = r;
            for (Path segment : r.relativize(parent)) {
                cur = cur.resolve(segment);
                if (!Files.exists(cur, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(cur);
                }
                Path real = cur.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new UsageException("output path " + file + " escapes the output folder " + realRoot
                            + " through a symbolic link (" + cur + " leads to " + real + ")");
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created concurrently by another worker: check it on the next call
            createParentInside(root, file);
        } catch (IOException e) {
            throw new UsageException("cannot create folder " + parent + ": " + IoErrors.reason(e), e);
        }
    }
}
