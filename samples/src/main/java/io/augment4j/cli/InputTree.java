package io.augment4j.cli;

import io.augment4j.api.io.ImageFiles;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The image files under an input folder, found by extension ({@link ImageFiles#READABLE_EXTENSIONS}), following symbolic
 * links but never around a loop. Hidden files and folders (names starting with '.') and one excluded folder (the
 * output folder, when it lies inside the input) are skipped.
 */
public final class InputTree {
    /**
     * The result of a walk.
     *
     * @param files relative paths with '/' separators, sorted
     * @param warnings things skipped on purpose (symlink loops, broken links), each naming the path
     * @param failures folders or files that could not be read, each naming the path and the reason
     */
    public record Listing(List<String> files, List<String> warnings, List<String> failures) {
    }

    private InputTree() {
    }

    /** Walks {@code root}, skipping {@code exclude} (may be null). */
    public static Listing walk(Path root, Path exclude) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Path excludeReal = exclude != null && Files.exists(exclude) ? exclude.toRealPath() : null;
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (!dir.equals(root) && hidden(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (excludeReal != null && dir.toRealPath().equals(excludeReal)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (hidden(file) || !ImageFiles.hasImageExtension(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) {
                            warnings.add(file + ": broken symbolic link, skipped");
                        } else if (attrs.isRegularFile()) {
                            files.add(relative(root, file));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            warnings.add(file + ": symbolic link loop (it leads back to a folder above it), "
                                    + "not followed");
                        } else {
                            failures.add(file + ": cannot read: " + IoErrors.reason(e));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return new Listing(files, warnings, failures);
    }

    private static boolean hidden(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(".");
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
