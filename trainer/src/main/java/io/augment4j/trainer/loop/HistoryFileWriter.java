package io.augment4j.trainer.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes the history to {@code history.csv} and {@code history.json} (atomically) after every epoch. */
public final class HistoryFileWriter implements LoopListener {

    private final Path dir;

    /** @param dir the output folder */
    public HistoryFileWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        try {
            ctx.history().writeCsv(dir.resolve("history.csv"));
            ctx.history().writeJson(dir.resolve("history.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + dir, e);
        }
    }
}
