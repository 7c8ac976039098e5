package io.augment4j.trainer.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes IDX files (the MNIST / Fashion-MNIST format), plain or gzipped.
 *
 * <p>Only unsigned-byte IDX (type 0x08) is supported: that is what MNIST-style datasets use.
 * Gzip is detected from the file's magic bytes, not its name.
 */
public final class IdxFiles {

    private static final int UBYTE = 0x08;

    private IdxFiles() {}

    /**
     * Loads an image IDX file (n x rows x cols) and its label IDX file (n) into memory.
     *
     * @param images path of the idx3 image file
     * @param labels path of the idx1 label file
     * @param limit read at most this many examples (the first ones); {@code <= 0} for all
     * @param classNames class names, or null for "0".."9"
     * @return the dataset, grey (1 channel)
     * @throws IOException on a malformed or unreadable file
     */
    public static ArrayImageSet load(Path images, Path labels, int limit, List<String> classNames)
            throws IOException {
        int[] lab;
        try (DataInputStream in = open(labels)) {
            int[] dims = header(in, labels, 1);
            int n = limit > 0 ? Math.min(limit, dims[0]) : dims[0];
            byte[] raw = new byte[n];
            in.readFully(raw);
            lab = new int[n];
            for (int i = 0; i < n; i++) {
                lab[i] = raw[i] & 0xFF;
            }
        }
        try (DataInputStream in = open(images)) {
            int[] dims = header(in, images, 3);
            int n = limit > 0 ? Math.min(limit, dims[0]) : dims[0];
            if (n != lab.length) {
                throw new IOException(
                        images + " has " + dims[0] + " images but " + labels + " has a different count");
            }
            byte[] px = new byte[n * dims[1] * dims[2]];
            in.readFully(px);
            return ArrayImageSet.ofBytes(px, lab, dims[1], dims[2], 1, classNames);
        }
    }

    /**
     * Writes a grey uint8 dataset as an image and a label IDX file (gzipped if asked).
     *
     * @param pixels n*rows*cols bytes
     * @param labels n labels in 0..255
     * @param rows image rows
     * @param cols image cols
     * @param images destination of the image file
     * @param labelsPath destination of the label file
     * @param gzip gzip both files
     * @throws IOException when writing fails
     */
    public static void write(
            byte[] pixels, int[] labels, int rows, int cols, Path images, Path labelsPath, boolean gzip)
            throws IOException {
        try (DataOutputStream out = create(labelsPath, gzip)) {
            out.writeInt(UBYTE << 8 | 1);
            out.writeInt(labels.length);
            for (int l : labels) {
                out.writeByte(l);
            }
        }
        try (DataOutputStream out = create(images, gzip)) {
            out.writeInt(UBYTE << 8 | 3);
            out.writeInt(labels.length);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    private static DataOutputStream create(Path p, boolean gzip) throws IOException {
        OutputStream os = Files.newOutputStream(p);
        if (gzip) {
            os = new GZIPOutputStream(os);
        }
        return new DataOutputStream(new BufferedOutputStream(os));
    }

    private static DataInputStream open(Path p) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream src = in;
        if (b0 == 0x1f && b1 == 0x8b) {
            src = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return new DataInputStream(src);
    }

    private static int[] header(DataInputStream in, Path p, int expectedDims) throws IOException {
        int magic = in.readInt();
        int type = (magic >> 8) & 0xFF;
        int ndim = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UBYTE) {
            throw new IOException(p + " is not an unsigned-byte IDX file (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        if (ndim != expectedDims) {
            throw new IOException(p + " has " + ndim + " dimensions, expected " + expectedDims);
        }
        int[] dims = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            dims[i] = in.readInt();
        }
        return dims;
    }
}
