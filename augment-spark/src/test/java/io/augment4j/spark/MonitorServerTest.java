package io.augment4j.spark;

import io.augment4j.trainer.tune.TrialMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's monitor server and a task's remote monitor, over a real socket (no Spark). */
class MonitorServerTest {

    /** Records what it hears; prunes at epoch 2. */
    static final class Recording implements TrialMonitor {
        final List<String> heard = new ArrayList<>();

        @Override
        public synchronized String epochEnded(int number, int epoch, Map<String, Double> logs, boolean ending) {
            heard.add(number + "/" + epoch + "/" + ending + "/" + logs);
            return epoch == 2 ? "rung 1: not in the top third" : null;
        }
    }

    private static Map<String, Double> logs(double loss) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("val_loss", Double.NaN);
        m.put("val_accuracy", 0.1 + 0.2);
        return m;
    }

    @Test
    void epochsReachTheStudyBitForBitAndItsDecisionsComeBack() throws IOException {
        AtomicInteger failures = new AtomicInteger();
        try (MonitorServer server = new MonitorServer("127.0.0.1", "127.0.0.1", failures::incrementAndGet)) {
            Recording study = new Recording();
            server.register(4, study);
            try (RemoteMonitor task = RemoteMonitor.connect(server.address(), 4, 17)) {
                assertNull(task.epochEnded(4, 0, logs(Math.PI), false));
                assertNull(task.epochEnded(4, 1, logs(-0.0), false));
                assertEquals("rung 1: not in the top third", task.epochEnded(4, 2, logs(1e-300), false));
                assertNull(task.failure());
            }
            assertEquals(List.of("4/0/false/" + logs(Math.PI), "4/1/false/" + logs(-0.0), "4/2/false/" + logs(1e-300)),
                    study.heard);
            assertEquals(0, failures.get());
        }
    }

    @Test
    void strangersUnknownTrialsAndOlderAttemptsAreRefused() throws IOException {
        try (MonitorServer server = new MonitorServer("127.0.0.1", "127.0.0.1", () -> { })) {
            Recording study = new Recording();
            server.register(1, study);
            MonitorServer.Address a = server.address();
            MonitorServer.Address stranger = new MonitorServer.Address(a.host(), a.port(), "00" + a.token());
            IOException e = assertThrows(IOException.class, () -> RemoteMonitor.connect(stranger, 1, 1));
            assertTrue(e.getMessage().contains("not a task of this study"), e.getMessage());
            assertTrue(!e.getMessage().contains(a.token()), "the token stays secret");
            e = assertThrows(IOException.class, () -> RemoteMonitor.connect(a, 2, 1));
            assertTrue(e.getMessage().contains("trial 2 is not running"), e.getMessage());

            try (RemoteMonitor first = RemoteMonitor.connect(a, 1, 10);
                 RemoteMonitor second = RemoteMonitor.connect(a, 1, 11)) {
                assertNull(second.epochEnded(1, 0, logs(1), false));
                UncheckedIOException old = assertThrows(UncheckedIOException.class,
                        () -> first.epochEnded(1, 0, logs(2), false));
                assertTrue(old.getMessage().contains("has a newer task attempt"), old.getMessage());
                assertNotNull(first.failure());
            }
            assertEquals(List.of("1/0/false/" + logs(1)), study.heard, "the older attempt's epoch is not recorded");
        }
    }

    @Test
    void aLostDriverFailsTheTaskAtItsNextEpoch() throws IOException {
        MonitorServer server = new MonitorServer("127.0.0.1", "127.0.0.1", () -> { });
        server.register(0, new Recording());
        try (RemoteMonitor task = RemoteMonitor.connect(server.address(), 0, 1)) {
            assertNull(task.epochEnded(0, 0, logs(1), false));
            server.close();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> task.epochEnded(0, 1, logs(1), false));
            assertTrue(e.getMessage().contains("lost the study's monitor at " + server.address()), e.getMessage());
            assertSame(e.getCause(), task.failure());
            assertThrows(UncheckedIOException.class, () -> task.epochEnded(0, 2, logs(1), false), "stays failed");
        }
        IOException e = assertThrows(IOException.class, () -> RemoteMonitor.connect(server.address(), 0, 2));
        assertTrue(e.getMessage().contains("cannot reach the study's monitor"), e.getMessage());
    }

    @Test
    void aFailingStudyMonitorIsKeptAndRefusesTheTask() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (MonitorServer server = new MonitorServer("127.0.0.1", "127.0.0.1", calls::incrementAndGet)) {
            Error broken = new AssertionError("journal broken");
            server.register(3, (n, e, l, end) -> {
                throw broken;
            });
            try (RemoteMonitor task = RemoteMonitor.connect(server.address(), 3, 1)) {
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> task.epochEnded(3, 0, logs(1), false));
                assertTrue(e.getMessage().contains("the study stopped"), e.getMessage());
            }
            assertSame(broken, server.failure());
            assertEquals(1, calls.get());
        }
    }
}
