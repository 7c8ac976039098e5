package io.augment4j.trainer.tune;

import static io.augment4j.trainer.TrainingFixture.DATA;
import static io.augment4j.trainer.TrainingFixture.SPLIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.LoopListeners;
import io.augment4j.trainer.loop.TrainingContext;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.Regularization;
import io.augment4j.trainer.optim.OptimizerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Tune your own DJL code": the objective trains a real network with the trainer's loop and reports its val_loss. */
class ObjectiveDjlTest {

    private static final MlpConfig MLP = new MlpConfig(
            List.of(new DenseLayer(16, 0, Regularization.NONE)), ActivationType.RELU, Init.AUTO, Regularization.NONE);
    private static final int EPOCHS = 3;

    @TempDir Path dir;

    /** Trains the MLP with the trial's learning rate, reporting val_loss after each epoch; pruned runs stop cleanly. */
    private static void train(TrialContext trial) {
        LoopConfig config = TrainingFixture.config().epochs(EPOCHS)
                .optimizer(OptimizerConfig.adam(trial.getDouble("lr"))).outputDir(trial.dir()).build();
        LoopListener reporter = new LoopListener() {
            @Override
            public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
                trial.report(epoch, logs.get("val_loss"));
                if (epoch + 1 < EPOCHS && trial.shouldPrune()) {
                    ctx.requestStop("pruned");
                }
            }
        };
        FitResult r = new TrainingLoop(MLP, config, LoopListeners.defaults(config, reporter)).fit(DATA, SPLIT, null);
        r.model().close();
        if ("pruned".equals(r.stopReason())) {
            throw new TrialPrunedException();
        }
    }

    @Test
    void tunesTheLearningRateOfARealTrainingLoop() throws IOException {
        StudySpec spec = Studies.builder().name("djl").search(SearchSpace.builder().grid("lr", 0.01, 1e-5, 3e-3)
                .build()).grid().metric("val_loss", Direction.MINIMIZE).asha(1, 3).seed(5).build();
        List<TrialRecord> trials = Study.optimize(spec, dir, ObjectiveDjlTest::train, 1, false,
                new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(3, trials.size());
        assertEquals(TrialState.COMPLETE, trials.get(0).state());
        assertEquals(EPOCHS, trials.get(0).epochsRun());
        // lr 1e-5 barely moves the weights: worse than trial 0 at rung 0, so ASHA stops it after epoch 1
        TrialRecord slow = trials.get(1);
        assertEquals(TrialState.PRUNED, slow.state());
        assertEquals(1, slow.epochsRun());
        assertTrue(slow.reason().startsWith("ASHA rung 0 (epoch 1)"), slow.reason());
        for (TrialRecord t : trials) {
            // the journaled curve is the network's own validation loss, as its history file has it (6 digits)
            List<Double> history = valLoss(dir.resolve(String.format("trials/%03d/history.csv", t.number())));
            assertEquals(history.size(), t.epochsRun(), "trial " + t.number());
            for (int e = 0; e < history.size(); e++) {
                assertEquals(history.get(e), t.curve().get(e), 1e-5 * history.get(e), "trial " + t.number());
            }
        }
        TrialRecord best = StudyResults.best(trials, Direction.MINIMIZE).orElseThrow();
        assertTrue(best.number() != 1, "best " + best);
        assertTrue(best.value() < slow.curve().get(0), best + " vs " + slow);
        assertTrue(Files.readString(dir.resolve(StudyResults.BEST_PARAMS)).contains("\"trial\" : " + best.number()));
    }

    private static List<Double> valLoss(Path historyCsv) throws IOException {
        List<String> lines = Files.readAllLines(historyCsv);
        int col = Arrays.asList(lines.get(0).split(",")).indexOf("val_loss");
        List<Double> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(Double.parseDouble(l.split(",")[col]));
        }
        return out;
    }
}
