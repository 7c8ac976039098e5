package io.augment4j.trainer.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two training processes out of one run folder: a second {@code aug train} (a resume in
 * another terminal, say) would otherwise interleave its checkpoints, history and report with the
 * first one's.
 *
 * <p>An operating-system lock on {@code DIR/.lock}, held while the run trains and writes its report.
 * The system drops it when the process ends in any way, {@code kill -9} included, so a dead run
 * never leaves its folder locked; the file itself stays behind, harmless, and records the holder's
 * process id for the message the next process prints. A tuning study locks its folder the same way.
 */
public final class RunFolderLock implements AutoCloseable {

    /** The lock file's name inside the run folder. */
    static final String FILE = ".lock";

    /** Holds the lock for as long as it is open. */
    private final FileChannel channel;

    private RunFolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Locks a run folder, which must exist.
     *
     * @param dir the run folder
     * @return the held lock; close it when the run is over
     * @throws RunException when another run holds the folder, or it cannot be locked
     */
    static RunFolderLock acquire(Path dir) {
        return acquire(dir, "training run", "aug train --resume");
    }

    /**
     * Locks a folder, which must exist, for one process.
     *
     * @param dir the folder
     * @param holder what holds such a folder, for the message (e.g. "study")
     * @param resumeCommand the command that continues its work, for the message (e.g. "aug tune --resume")
     * @return the held lock; close it when done
     * @throws RunException when another process holds the folder, or it cannot be locked
     */
    public static RunFolderLock acquire(Path dir, String holder, String resumeCommand) {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RunException("cannot lock the run folder " + dir + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String pid = holder(ch);
                ch.close();
                throw new RunException(dir + " is in use by another " + holder + pid
                        + ": let it finish, or stop it (Ctrl-C) and continue with " + resumeCommand + " " + dir);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new RunFolderLock(ch);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new RunException("cannot lock the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return " (pid N)" from the lock file, or "" when it says nothing readable */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
        return s.matches("pid \\d+") ? " (" + s + ")" : "";
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            channel.close(); // releases the lock with it
        } catch (IOException ignored) {
            // the process keeps running; the system drops the lock when it ends anyway
        }
    }
}
