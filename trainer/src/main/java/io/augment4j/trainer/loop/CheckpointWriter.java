package io.augment4j.trainer.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@link TrainingContext#checkpoint()} to {@code last.ckpt} (atomically) after every epoch,
 * as DJL's {@code CheckpointsTrainingListener} saves the model. It records whether the run has
 * finished, so it goes after every listener that may stop the run.
 */
public final class CheckpointWriter implements LoopListener {

    private final Path dir;

    /** @param dir the output folder */
    public CheckpointWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        try {
            ctx.checkpoint().save(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to " + dir, e);
        }
    }
}
