package io.augment4j.cli;

import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.TaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyTest {
    static final String SPEC = "hflip(p=0.5) | rotate(limit=30, p=0.7) | posterize(p=0.5)";

    @TempDir
    Path dir;

    /** in/a.png, in/sub/b.jpg, in/sub/deeper/c.png, in/sub/deeper/d.png, plus files that must be ignored. */
    private Path tree() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(40, 30));
        Fixtures.jpeg(in.resolve("sub/b.jpg"), Fixtures.rgb(32, 32));
        Fixtures.png(in.resolve("sub/deeper/c.png"), Fixtures.rgb(24, 36));
        Fixtures.rgbaPng(in.resolve("sub/deeper/d.png"), 12, 10);
        Files.writeString(in.resolve("sub/readme.txt"), "ignored");
        Fixtures.png(in.resolve(".hidden/x.png"), Fixtures.rgb(8, 8));
        return in;
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

    private static Fixtures.Run apply(Path in, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--spec", SPEC, "--in", in.toString(), "--out",
                out.toString(), "--seed", "11", "-q"));
        args.addAll(List.of(more));
        return Fixtures.aug(args.toArray(String[]::new));
    }

    @Test
    void keepsTheLayoutWritesAManifestAndSkipsFinishedWorkOnReRun() throws IOException {
        Path in = tree();
        Path out = dir.resolve("out");
        Fixtures.Run r = apply(in, out, "--copies", "2", "--threads", "3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("4 input images; 8 outputs written, 0 already done; 0 inputs failed"), r.out());
        Map<String, byte[]> written = files(out);
        assertEquals(List.of("a_aug0.png", "a_aug1.png", "aug-spec.yaml", "manifest.jsonl", "sub/b_aug0.jpg",
                "sub/b_aug1.jpg", "sub/deeper/c_aug0.png", "sub/deeper/c_aug1.png", "sub/deeper/d_aug0.png",
                "sub/deeper/d_aug1.png"), List.copyOf(written.keySet()));
        Manifest.Contents m = Manifest.read(out.resolve("manifest.jsonl"));
        assertEquals(8, m.entries().size());
        assertTrue(m.problems().isEmpty() && !m.tornTail());
        Manifest.Entry e = m.entries().get("sub/deeper/c_aug1.png");
        assertEquals("sub/deeper/c.png", e.input());
        assertEquals(1, e.copy());
        assertEquals(11, e.seed());
        assertEquals(4, ImageFiles.read(out.resolve("sub/deeper/d_aug0.png")).image().channels());

        Fixtures.Run again = apply(in, out, "--copies", "2", "--threads", "3");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("0 outputs written, 8 already done"), again.out());
        assertEquals(8, Files.readAllLines(out.resolve("manifest.jsonl")).size());

        Fixtures.Run more = apply(in, out, "--copies", "3", "--threads", "2");
        assertTrue(more.out().contains("4 outputs written, 8 already done"), more.out());
        Map<String, byte[]> after = files(out);
        for (String k : written.keySet()) {
            if (!k.equals("manifest.jsonl")) {
                assertArrayEquals(written.get(k), after.get(k), k + " unchanged");
            }
        }
    }

    /** The one rule: the spec's seed is the root of every sample's generator, and --seed replaces it. */
    @Test
    void aSpecSeedMeansExactlyWhatTheSeedOptionMeans() throws IOException {
        Path in = tree();
        Path seeded = Files.writeString(dir.resolve("seeded.yaml"), """
                seed: 11
                transforms:
                  - {transform: hflip, p: 0.5}
                  - {transform: rotate, limit: 30, p: 0.7}
                  - {transform: posterize, p: 0.5}
                """);
        assertEquals(0, apply(in, dir.resolve("option"), "--copies", "2").code()); // inline spec, --seed 11
        Fixtures.Run fromSpec = Fixtures.aug("apply", "--spec", seeded.toString(), "--in", in.toString(), "--out",
                dir.resolve("spec").toString(), "--copies", "2", "-q");
        assertEquals(0, fromSpec.code(), fromSpec.toString());
        Map<String, byte[]> a = files(dir.resolve("option"));
        Map<String, byte[]> b = files(dir.resolve("spec"));
        for (String k : a.keySet()) {
            if (!k.endsWith(".yaml") && !k.endsWith(".jsonl")) {
                assertArrayEquals(a.get(k), b.get(k), k + ": spec seed 11 = --seed 11");
            }
        }
        Fixtures.Run overridden = Fixtures.aug("apply", "--spec", seeded.toString(), "--in", in.toString(), "--out",
                dir.resolve("other").toString(), "--copies", "2", "--seed", "12", "-q");
        assertEquals(0, overridden.code(), overridden.toString());
        assertEquals(12, Manifest.read(dir.resolve("other/manifest.jsonl")).entries().get("a_aug0.png").seed());
    }

    @Test
    void outputsDoNotDependOnThreadCount() throws IOException {
        Path in = tree();
        assertEquals(0, apply(in, dir.resolve("one"), "--copies", "2", "--threads", "1").code());
        assertEquals(0, apply(in, dir.resolve("four"), "--copies", "2", "--threads", "4").code());
        Map<String, byte[]> one = files(dir.resolve("one"));
        Map<String, byte[]> four = files(dir.resolve("four"));
        one.remove("manifest.jsonl");
        four.remove("manifest.jsonl");
        assertEquals(one.keySet(), four.keySet());
        one.forEach((k, v) -> assertArrayEquals(v, four.get(k), k));
    }

    @Test
    void corruptInputsAreReportedAndSkipped() throws IOException {
        Path in = tree();
        Files.createFile(in.resolve("empty.png"));
        Files.writeString(in.resolve("sub/text.png"), "I am text");
        Fixtures.truncated(Fixtures.REPO_IMAGES.resolve("astronaut.jpg"), in.resolve("cut.jpg"), 0.4);
        Path out = dir.resolve("out");
        Fixtures.Run r = apply(in, out);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("7 input images; 4 outputs written, 0 already done; 3 inputs failed"), r.out());
        assertTrue(r.err().contains(in.resolve("empty.png") + ": the file is empty"), r.err());
        assertTrue(r.err().contains(in.resolve("sub/text.png") + ": not an image"), r.err());
        assertTrue(r.err().contains(in.resolve("cut.jpg") + ": corrupt or truncated jpeg"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out.resolve("empty_aug0.png")));
        assertEquals(4, Manifest.read(out.resolve("manifest.jsonl")).entries().size());
    }

    /** Runs the first {@code limit} tasks, then dies as a killed process would: mid-write, manifest torn. */
    private static final class CrashingExecutor implements BatchExecutor {
        final int limit;
        final Path out;

        CrashingExecutor(int limit, Path out) {
            this.limit = limit;
            this.out = out;
        }

        @Override
        public <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener) {
            for (int i = 0; i < limit; i++) {
                try {
                    listener.succeeded(tasks.get(i), tasks.get(i).call());
                } catch (Exception e) {
                    listener.failed(tasks.get(i), e);
                }
            }
            try {
                // what SIGKILL leaves: a half-written temporary file and a torn manifest line
                Files.write(out.resolve("sub/.b_aug0.jpg.123." + AtomicFiles.TEMP_SUFFIX.substring(1)),
                        new byte[] {1, 2, 3});
                Files.writeString(out.resolve("manifest.jsonl"), "{\"output\":\"sub/b_au",
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("simulated kill");
        }

        @Override
        public String describe() {
            return "crashing";
        }
    }

    @Test
    void anInterruptedRunResumesWithAnIntactManifest() throws Exception {
        Path in = tree();
        Path clean = dir.resolve("clean");
        assertEquals(0, apply(in, clean, "--copies", "2").code());

        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("sub"));
        TransformRegistry registry = TransformRegistry.discover();
        ApplyRun.Options o = new ApplyRun.Options(in, out, 2, 11L, ImageFiles.DEFAULT_MAX_PIXELS);
        assertThrows(IllegalStateException.class, () -> new ApplyRun(registry, InlineSpecs.parse(SPEC, registry), o,
                new CrashingExecutor(1, out), ApplyRun.Progress.NONE).run());
        assertTrue(Manifest.read(out.resolve("manifest.jsonl")).tornTail());

        Fixtures.Run r = apply(in, out, "--copies", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("6 outputs written, 2 already done"), r.out());
        assertTrue(r.err().contains("deleted 1 half-written temporary file"), r.err());
        assertTrue(r.err().contains("last line was cut off"), r.err());
        List<String> lines = Files.readAllLines(out.resolve("manifest.jsonl"));
        assertEquals(8, lines.size());
        Manifest.Contents m = Manifest.read(out.resolve("manifest.jsonl"));
        assertEquals(8, m.entries().size());
        assertTrue(m.problems().isEmpty() && !m.tornTail(), m.problems().toString());
        Map<String, byte[]> a = files(clean);
        Map<String, byte[]> b = files(out);
        a.remove("manifest.jsonl");
        b.remove("manifest.jsonl");
        assertEquals(a.keySet(), b.keySet(), "same outputs, no temporary files");
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    @Test
    void replayReCreatesOutputsExactly() throws IOException {
        Path in = tree();
        Path out = dir.resolve("out");
        assertEquals(0, apply(in, out, "--copies", "2").code());
        Manifest.Contents m = Manifest.read(out.resolve("manifest.jsonl"));
        for (Manifest.Entry e : m.entries().values()) {
            Fixtures.Run r = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                    "--entry", e.output(), "--check");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("identical"), r.out());
        }
        Path copy = dir.resolve("again/c.png");
        Fixtures.Run r = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "sub/deeper/c_aug1.png", "--out", copy.toString());
        assertEquals(0, r.code(), r.toString());
        assertArrayEquals(Files.readAllBytes(out.resolve("sub/deeper/c_aug1.png")), Files.readAllBytes(copy));
        // deleted output re-created in place, by line number
        byte[] before = Files.readAllBytes(out.resolve("a_aug0.png"));
        Files.delete(out.resolve("a_aug0.png"));
        int line = m.entries().get("a_aug0.png").line();
        assertEquals(0, Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "#" + line).code());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("a_aug0.png")));
        Fixtures.Run missing = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "nope.png");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no entry for output 'nope.png'"), missing.err());
    }

    @Test
    void replayOfASourceThatChangedSizeIsRefusedNamingTheTransformAndBothSizes() throws IOException {
        Path in = tree();
        Path out = dir.resolve("out");
        assertEquals(0, apply(in, out, "--copies", "4").code());
        Manifest.Entry e = Manifest.read(out.resolve("manifest.jsonl")).entries().values().stream()
                .filter(x -> x.source().endsWith("a.png") && x.replay().contains("{\"transform\":\"rotate\","
                        + "\"applied\":true"))
                .findFirst().orElseThrow();
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(40, 31)); // 30x40 when recorded
        Fixtures.Run r = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", e.output(), "--check");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(e.source() + " (source of " + e.output() + "): cannot replay transform '")
                && r.err().contains("on a 31x40 image (height x width): its parameters were recorded on a 30x40 "
                + "image"), r.err());
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(40, 30)); // back to the recorded size: exact again
        r = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(), "--entry", e.output(),
                "--check");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("identical"), r.out());
    }

    @Test
    void outputPathsCannotEscape() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThrows(UsageException.class, () -> SafePaths.resolveInside(out, "../evil.png"));
        assertThrows(UsageException.class, () -> SafePaths.resolveInside(out, "a/../../evil.png"));
        assertThrows(UsageException.class, () -> SafePaths.resolveInside(out, "/etc/evil.png"));
        assertThrows(UsageException.class, () -> SafePaths.resolveInside(out, "."));
        assertEquals(out.resolve("a/b.png"), SafePaths.resolveInside(out, "a/./b.png"));

        // a manifest entry pointing outside is refused by replay
        Path in = tree();
        assertEquals(0, apply(in, out).code());
        Path manifest = out.resolve("manifest.jsonl");
        String tampered = Files.readString(manifest).replace("\"output\":\"a_aug0.png\"", "\"output\":\"../evil.png\"");
        Files.writeString(manifest, tampered);
        Fixtures.Run r = Fixtures.aug("replay", "--manifest", manifest.toString(), "--entry", "../evil.png");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("escapes the output folder"), r.err());
        assertFalse(Files.exists(dir.resolve("evil.png")));
    }

    @Test
    void aSymbolicLinkInsideTheOutputFolderCannotLeadOutside() throws IOException {
        Path in = tree();
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("sub"), elsewhere);
        Fixtures.Run r = apply(in, out);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("through a symbolic link"), r.err());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written outside --out");
        }
    }

    @Test
    void symlinkLoopsAreReportedNotFollowed() throws IOException {
        Path in = tree();
        Files.createSymbolicLink(in.resolve("sub/loop"), in);
        Path out = dir.resolve("out");
        Fixtures.Run r = apply(in, out);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains(in.resolve("sub/loop") + ": symbolic link loop"), r.err());
        assertTrue(r.out().contains("4 input images"), r.out());
    }

    @Test
    void outputFolderInsideTheInputIsNotReadBack() throws IOException {
        Path in = tree();
        Path out = in.resolve("augmented");
        assertEquals(0, apply(in, out).code());
        Fixtures.Run again = apply(in, out);
        assertTrue(again.out().contains("4 input images; 0 outputs written, 4 already done"), again.out());
        Fixtures.Run inside = apply(in.resolve("sub"), in);
        assertEquals(2, inside.code(), inside.toString());
        assertTrue(inside.err().contains("must not be the input folder or contain it"), inside.err());
    }

    @Test
    void aDifferentSpecIntoTheSameFolderIsRefused() throws IOException {
        Path in = tree();
        Path out = dir.resolve("out");
        assertEquals(0, apply(in, out).code());
        Fixtures.Run r = Fixtures.aug("apply", "--spec", "vflip", "--in", in.toString(), "--out", out.toString(), "-q");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("different spec or seed"), r.err());
    }

    @Test
    void unusableFolders() throws IOException {
        Path in = tree();
        Path file = Files.writeString(dir.resolve("file"), "x");
        Fixtures.Run r = apply(in, file.resolve("out"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: cannot create output folder"), r.err());
        Fixtures.Run missing = apply(dir.resolve("nope"), dir.resolve("out"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void keysAreStable() {
        assertEquals(ApplyRun.key("cats/a.png"), ApplyRun.key("cats/a.png"));
        assertFalse(ApplyRun.key("cats/a.png") == ApplyRun.key("cats/b.png"));
        assertEquals("a_aug0.png", ApplyRun.outputName("a.png", 0, new java.util.HashSet<>()));
        java.util.Set<String> claimed = new java.util.HashSet<>();
        assertEquals("x/a_aug1.png", ApplyRun.outputName("x/a.png", 1, claimed));
        assertEquals("x/a_bmp_aug1.png", ApplyRun.outputName("x/a.bmp", 1, claimed));
        assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
    }
}
