package io.augment4j.trainer.run;

import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run folder held by one run: its lock (see {@link RunFolderLock}) and the files a run writes
 * when it starts, {@code config.yaml} (the effective config, which a resume reads) and
 * {@code split.json}. The loop's listeners add the history and {@code last.ckpt}, the
 * {@link ReportWriter} the rest. Closing it releases the lock.
 */
public final class RunFolder implements AutoCloseable {

    /** The effective config inside a run folder. */
    public static final String CONFIG_FILE = "config.yaml";
    /** The split inside a run folder. */
    public static final String SPLIT_FILE = "split.json";

    private final Path dir;
    private final RunFolderLock lock;

    private RunFolder(Path dir, RunFolderLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Claims a folder for a new run and writes its config. Call it once the data and the split
     * are good, so that a failed start leaves no half run.
     *
     * @param dir the folder (created if needed)
     * @param configYaml the effective config
     * @return the held folder
     * @throws RunException when the folder holds a run or cannot be written
     */
    static RunFolder create(Path dir, String configYaml) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
        }
        RunFolder f = new RunFolder(dir, RunFolderLock.acquire(dir));
        try {
            // Checked again under the lock: another run may have claimed the folder meanwhile.
            requireNoRun(dir);
            ReportWriter.write(f.configFile(), "# Effective configuration of this run (every default filled in).\n"
                    + "# aug train --resume reads it.\n" + configYaml);
            return f;
        } catch (IOException e) {
            f.close();
            throw new RunException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /**
     * Claims the folder of an existing run, to resume it.
     *
     * @param dir the folder
     * @return the held folder
     * @throws RunException when it is no run folder, or another run holds it
     */
    static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            throw new RunException(dir + " is not a run folder (no " + CONFIG_FILE + "): start a run with"
                    + " aug train --config <file> first");
        }
        return new RunFolder(dir, RunFolderLock.acquire(dir));
    }

    /**
     * @param dir a folder
     * @throws RunException when it already holds a run
     */
    static void requireNoRun(Path dir) {
        if (Files.exists(dir.resolve(CONFIG_FILE)) || Checkpoint.exists(dir)) {
            throw new RunException(dir + " already holds a run: continue it with aug train --resume " + dir
                    + ", or choose another output folder");
        }
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /** @return its {@code config.yaml} */
    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    /** @return its {@code split.json} */
    public Path splitFile() {
        return dir.resolve(SPLIT_FILE);
    }

    /**
     * Saves the split unless the folder already has one (a resumed run keeps its own).
     *
     * @param split the run's split
     * @throws RunException when it cannot be written
     */
    void saveSplit(Split split) {
        if (!Files.isRegularFile(splitFile())) {
            try {
                split.save(splitFile());
            } catch (IOException e) {
                throw new RunException("cannot write " + splitFile() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
