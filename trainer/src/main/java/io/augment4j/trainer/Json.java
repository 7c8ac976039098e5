package io.augment4j.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.augment4j.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared JSON mapper, and the trainer's way to write a file: create its folder, then {@link AtomicFiles}. */
public final class Json {

    /** Pretty-printing mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /**
     * Writes {@code value} as JSON so readers never see a half-written file.
     *
     * @param file destination
     * @param value any Jackson-serializable value
     * @throws IOException on write failure
     */
    public static void writeAtomically(Path file, Object value) throws IOException {
        writeAtomically(file, MAPPER.writeValueAsBytes(value));
    }

    /**
     * Creates the file's folder if needed, then writes the bytes with {@link AtomicFiles} (temp
     * file, fsync, atomic rename): a kill at any moment leaves either the old file or the new one,
     * never a torn one.
     *
     * @param file destination
     * @param bytes content
     * @throws IOException on write failure
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, bytes);
    }
}
