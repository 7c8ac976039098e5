package io.augment4j.api.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * All-or-nothing file writes: the content goes to a temporary file in the target's folder, which is then renamed
 * onto the target with {@code ATOMIC_MOVE}, replacing any existing file. A reader, a crash or Ctrl-C sees the old
 * file or the new one, never a torn one; on failure the temporary file is deleted and the target is untouched.
 *
 * <p>Temporary files are named {@code .<target name>.<random hex>}{@value #TEMP_SUFFIX}, so concurrent writers of
 * one target never share one, and a tool can recognise (and delete) what a killed process left. They are created
 * with the default permissions of the folder (the umask), not the owner-only ones of
 * {@link Files#createTempFile}, because the temporary file becomes the target.
 *
 * <p>The target's folder must exist; this class creates no folders. {@link Sync#DISK} (the default) forces the
 * content to the storage device before the rename, so a power loss cannot leave an empty file under the target's
 * name; {@link Sync#NONE} skips that (about 1.5 ms per file on an SSD) where a lost file is cheap to redo.
 */
public final class AtomicFiles {
    /** The suffix of temporary files written before the rename. */
    public static final String TEMP_SUFFIX = ".aug-tmp";

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK = new AtomicBoolean();

    /** Whether the content is forced to the storage device before the rename. */
    public enum Sync {
        /** {@code fsync} before the rename: survives a power loss. */
        DISK,
        /** No {@code fsync}: survives a crash of the process, not necessarily of the machine. */
        NONE
    }

    /** Writes a file's content to a stream; the stream is closed by {@link AtomicFiles}, not by the content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically, forced to disk. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, Sync.DISK, out -> out.write(bytes));
    }

    /** Writes what {@code content} produces to {@code target} atomically, forced to disk. */
    public static void write(Path target, Content content) throws IOException {
        write(target, Sync.DISK, content);
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically.
     *
     * @throws java.nio.file.NoSuchFileException when the target's folder does not exist
     * @throws java.nio.file.AccessDeniedException when the folder is not writable
     * @throws IOException when writing or renaming fails, or {@code content} throws; nothing is left behind
     */
    public static void write(Path target, Sync sync, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
        boolean done = false;
        IN_FLIGHT.add(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                if (sync == Sync.DISK) {
                    ch.force(true);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the caller sees the original failure
                }
            }
            IN_FLIGHT.remove(tmp);
        }
    }

    /** True when {@code file} is named like one of this class's temporary files. */
    public static boolean isTempFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".") && name.toString().endsWith(TEMP_SUFFIX);
    }

    /**
     * Deletes the temporary files of writes still in progress when the JVM exits (Ctrl-C, SIGTERM), so an
     * interrupted program leaves only complete files. A hard kill (SIGKILL) cannot be caught; {@link #isTempFile}
     * recognises what it left. Calling this more than once installs one hook.
     */
    public static void deleteTempFilesOnExit() {
        if (HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // nothing more to do while exiting
                    }
                }
            }, "augment4j-temp-cleanup"));
        }
    }
}
