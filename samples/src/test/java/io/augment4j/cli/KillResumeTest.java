package io.augment4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'aug apply' in a real process, killed with SIGKILL mid-run, then re-run: complete, intact, identical. */
class KillResumeTest {
    private static final int IMAGES = 160;

    @TempDir
    Path dir;

    @Test
    void killedRunResumes() throws Exception {
        Path in = dir.resolve("in");
        for (int i = 0; i < IMAGES; i++) {
            Fixtures.png(in.resolve("d" + (i % 4) + "/img" + i + ".png"), Fixtures.rgb(64 + i % 7, 48));
        }
        Path out = dir.resolve("out");
        Path manifest = out.resolve(ApplyRun.MANIFEST_FILE);
        String[] args = {"apply", "--spec", ApplyTest.SPEC, "--in", in.toString(), "--out", out.toString(),
                "--seed", "5", "--threads", "2", "-q"};
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Aug.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && lines(manifest) < 20 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean killedMidRun = p.isAlive();
        p.destroyForcibly().waitFor();
        Assumptions.assumeTrue(killedMidRun, "the child finished before it could be killed");
        int before = lines(manifest);
        assertTrue(before < IMAGES, "killed mid-run: " + before + " lines; log: " + Files.readString(dir.resolve("child.log")));

        Fixtures.Run r = Fixtures.aug(args);
        assertEquals(0, r.code(), r.toString());
        Manifest.Contents m = Manifest.read(manifest);
        assertTrue(m.problems().isEmpty() && !m.tornTail(), m.problems().toString());
        assertEquals(IMAGES, m.entries().size());
        assertEquals(IMAGES, Files.readAllLines(manifest).size(), "one line per output");

        Path clean = dir.resolve("clean");
        String[] cleanArgs = args.clone();
        cleanArgs[6] = clean.toString();
        assertEquals(0, Fixtures.aug(cleanArgs).code());
        Map<String, byte[]> a = files(clean);
        Map<String, byte[]> b = files(out);
        a.remove(ApplyRun.MANIFEST_FILE);
        b.remove(ApplyRun.MANIFEST_FILE);
        assertEquals(a.keySet(), b.keySet(), "same files, no temporary leftovers");
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    private static int lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(f);
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(InputTree.relative(root, p), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
