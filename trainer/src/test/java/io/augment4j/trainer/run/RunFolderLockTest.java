package io.augment4j.trainer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.registry.TransformRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderLockTest {
    private static final TransformRegistry REGISTRY = TransformRegistry.discover();


    @TempDir Path dir;

    @Test
    void oneHolderAtATimeAndTheMessageNamesTheHolder() {
        RunException e;
        try (RunFolderLock held = RunFolderLock.acquire(dir)) {
            e = assertThrows(RunException.class, () -> RunFolderLock.acquire(dir));
        }
        assertTrue(e.getMessage().contains(dir + " is in use by another training run (pid "
                + ProcessHandle.current().pid() + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("aug train --resume " + dir), e.getMessage());
        RunFolderLock.acquire(dir).close(); // released: free again
    }

    /** Another process holds the folder; killed with SIGKILL, it leaves the folder free. */
    @Test
    void anotherProcessHoldsItUntilItDiesEvenByKill9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            RunException e = assertThrows(RunException.class, () -> RunFolderLock.acquire(dir));
            assertTrue(e.getMessage().contains("(pid " + child.pid() + ")"), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        RunFolderLock.acquire(dir).close();
    }

    @Test
    void aResumeIntoAFolderInUseIsRefusedAndChangesNothing() throws IOException {
        RunData.xor(dir, 200, 1);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path run = dir.resolve("run");
        TrainingRun.start(REGISTRY, RunData.config(dir, "underfit", TrainingRunTest.UNDERFIT), run, false, out,
                new AtomicBoolean());
        String history = Files.readString(run.resolve("history.csv"));
        try (RunFolderLock held = RunFolderLock.acquire(run)) {
            RunException e = assertThrows(RunException.class,
                    () -> TrainingRun.start(REGISTRY, null, run, true, out, new AtomicBoolean()));
            assertTrue(e.getMessage().contains("is in use by another training run"), e.getMessage());
        }
        assertEquals(history, Files.readString(run.resolve("history.csv")));
    }

    /** Holds the lock of the folder given as argument until killed (run in a child JVM). */
    static final class LockHolder {
        public static void main(String[] args) throws Exception {
            RunFolderLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
