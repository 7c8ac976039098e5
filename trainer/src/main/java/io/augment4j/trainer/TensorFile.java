package io.augment4j.trainer;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single-file container: a JSON header plus named float tensors. Checkpoints and saved models
 * use it, so one atomic rename publishes everything a resume needs, consistently.
 *
 * <p>Layout: magic {@code A4JTENS1}, int header length, UTF-8 JSON header, int tensor count,
 * then per tensor its name (modified UTF-8), rank, dims (long), value count and little-endian
 * floats.
 */
public final class TensorFile {

    private static final byte[] MAGIC = "A4JTENS1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * File contents.
     *
     * @param header JSON header bytes
     * @param tensors named tensors, in write order
     */
    public record Contents(byte[] header, Map<String, HostTensor> tensors) {}

    private TensorFile() {}

    /**
     * Writes atomically (temp file, fsync, rename).
     *
     * @param file destination
     * @param header JSON header
     * @param tensors tensors
     * @throws IOException on failure
     */
    public static void write(Path file, byte[] header, Map<String, HostTensor> tensors)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            out.writeInt(tensors.size());
            for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
                HostTensor t = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(t.shape().length);
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                out.writeInt(t.data().length);
                ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(t.data());
                out.write(buf.array());
            }
        }
        Json.writeAtomically(file, bytes.toByteArray());
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file source
     * @return header and tensors
     * @throws IOException on failure or a foreign file
     */
    public static Contents read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not an augment4j tensor file");
            }
            byte[] header = new byte[in.readInt()];
            in.readFully(header);
            int n = in.readInt();
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                byte[] data = new byte[in.readInt() * 4];
                in.readFully(data);
                float[] values = new float[data.length / 4];
                ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                tensors.put(name, new HostTensor(shape, values));
            }
            return new Contents(header, tensors);
        }
    }
}
