package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The study's console: lines in a log, a bar for the running trials on a terminal. */
class StudyProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void events(StudyProgress p) {
        p.started(0, "trial 0 started: {lr=0.1}");
        p.started(1, "trial 1 started: {lr=0.2}");
        p.epoch(0, "  trial 0 epoch 1: val_loss 0.5", "ep.1 0.5");
        p.epoch(1, "  trial 1 epoch 1: val_loss 0.7", "ep.1 0.7");
        p.ended(0, "trial 0 complete: val_loss 0.5");
        p.epoch(1, "  trial 1 epoch 2: val_loss 0.6", "ep.2 0.6");
        p.close();
    }

    @Test
    void withoutATerminalEveryEventIsOneLine() {
        try (StudyProgress p = new StudyProgress(out, "val_loss", false, 3, 0)) {
            events(p);
        }
        assertEquals("""
                trial 0 started: {lr=0.1}
                trial 1 started: {lr=0.2}
                  trial 0 epoch 1: val_loss 0.5
                  trial 1 epoch 1: val_loss 0.7
                trial 0 complete: val_loss 0.5
                  trial 1 epoch 2: val_loss 0.6
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalEndedTrialsAreLinesAboveABarOfTheRunningOnes() {
        events(new StudyProgress(out, "val_loss", true, 3, 1));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\u001b[Ktrial 0 complete: val_loss 0.5" + System.lineSeparator()), text);
        assertTrue(!text.contains("started") && !text.contains("  trial 0 epoch"), "no line per epoch: " + text);
        assertTrue(text.contains("Trials") && text.contains("1/3") && text.contains("2/3"), "ended trials: " + text);
        assertTrue(text.contains("running (val_loss): #0 ep.0"), text);
        assertTrue(text.contains("running (val_loss): #0 ep.1 0.5, #1 ep.1 0.7"), text);
        assertTrue(text.contains("running (val_loss): #1 ep.2 0.6"), text);
    }
}
