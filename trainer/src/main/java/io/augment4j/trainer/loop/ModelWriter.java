package io.augment4j.trainer.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves the final model to {@code model/} when the run ends; it goes after listeners that put
 * other weights back (early stopping's best).
 */
public final class ModelWriter implements LoopListener {

    private final Path dir;

    /** @param dir the output folder; the model goes to its {@code model/} */
    public ModelWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void onTrainEnd(TrainingContext ctx) {
        try {
            ctx.model().save(dir.resolve("model"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model under " + dir, e);
        }
    }
}
