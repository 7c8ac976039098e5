package io.augment4j.api.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, AtomicFiles.Sync.NONE, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("keep.txt"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aMissingFolderIsNotCreated() {
        Path f = dir.resolve("no/such/folder/x.bin");
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(f, new byte[] {1}));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void temporaryFilesAreRecognisable() {
        assertTrue(AtomicFiles.isTempFile(Path.of("out/.a_aug0.png.1f2e" + AtomicFiles.TEMP_SUFFIX)));
        assertFalse(AtomicFiles.isTempFile(Path.of("out/a_aug0.png")));
        assertFalse(AtomicFiles.isTempFile(Path.of("out/.hidden.png")));
    }
}
