package io.augment4j.trainer.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The standard listener sets, as DJL's {@code TrainingListener.Defaults}. */
public final class LoopListeners {

    private LoopListeners() {}

    /**
     * The listeners a {@link LoopConfig} asks for, in this order: the NaN guard
     * ({@link DivergenceGuard}); a {@link ProgressBarListener} when {@code progressBar} is on; an
     * {@link EarlyStopper} when {@code earlyStopping} is set; then {@code extra}; then, when there
     * is an output folder, {@link HistoryFileWriter}, {@link CheckpointWriter} and
     * {@link ModelWriter}, which save what the listeners before them decided.
     *
     * @param config the loop's options
     * @param extra the caller's listeners (e.g. a pruner that stops a trial, a printer)
     * @return a new mutable list
     */
    public static List<LoopListener> defaults(LoopConfig config, LoopListener... extra) {
        List<LoopListener> l = new ArrayList<>();
        l.add(new DivergenceGuard());
        if (config.progressBar()) {
            l.add(new ProgressBarListener());
        }
        if (config.earlyStopping() != null) {
            l.add(new EarlyStopper(config.earlyStopping()));
        }
        l.addAll(Arrays.asList(extra));
        if (config.outputDir() != null) {
            l.add(new HistoryFileWriter(config.outputDir()));
            l.add(new CheckpointWriter(config.outputDir()));
            l.add(new ModelWriter(config.outputDir()));
        }
        return l;
    }
}
