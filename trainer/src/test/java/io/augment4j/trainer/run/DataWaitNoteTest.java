package io.augment4j.trainer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.loop.History;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run summary points at the loader when training waited for data more than 5 % of its time, over all epochs. */
class DataWaitNoteTest {

    private static History history(double... waitAndTime) {
        History h = new History();
        for (int i = 0; i < waitAndTime.length; i += 2) {
            h.add(Map.of("data_wait_s", waitAndTime[i], "epoch_time_s", waitAndTime[i + 1]));
        }
        return h;
    }

    @Test
    void aRunThatWaitedGetsTheNoteWithItsShare() {
        // 0.3 + 0.1 s of 2 + 2 s: 10 %.
        Optional<String> note = ReportWriter.dataWaitNote(history(0.3, 2, 0.1, 2));
        assertTrue(note.isPresent());
        assertTrue(note.get().startsWith("Waiting for data: 10.0 % of the training time."), note.get());
        assertTrue(note.get().contains("torch_threads: 1"), note.get());
    }

    @Test
    void aRunThatHardlyWaitedOrHasNoTimesGetsNone() {
        assertEquals(Optional.empty(), ReportWriter.dataWaitNote(history(0.1, 2, 0.1, 2)), "exactly 5 %");
        assertEquals(Optional.empty(), ReportWriter.dataWaitNote(history(0.01, 2)));
        assertEquals(Optional.empty(), ReportWriter.dataWaitNote(new History()));
        assertEquals(Optional.empty(), ReportWriter.dataWaitNote(new History(List.of(Map.of("loss", 1.0)))));
    }
}
