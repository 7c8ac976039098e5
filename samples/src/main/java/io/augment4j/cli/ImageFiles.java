package io.augment4j.cli;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading and writing image files for the command-line tool, hardened against bad input.
 *
 * <p><b>Reading</b> ({@link #read}) goes through ImageIO and refuses, with a message naming the file and the reason:
 * empty files, files that are not images (whatever their name says), images whose header claims more pixels than the
 * limit (checked from the header, before any pixel is decoded), truncated or corrupt data (including the JPEG
 * decoder's "premature end" warnings, which ImageIO otherwise turns into silently grey pixels) and JPEGs whose
 * colour type the decoder cannot read (some YCCK files). CMYK JPEGs that Java 17's decoder does read are converted
 * to RGB without their ICC profile, with a note.
 *
 * <p>Gray images become 1 channel, gray+alpha and RGBA 4 channels (RGBA), everything else 3 channels (RGB).
 * <b>16-bit images</b> are converted to 8 bits per channel as {@code round(v * 255 / 65535)} (the full 16-bit range
 * maps onto the full 8-bit range, raw sample values, no colour management), and the result carries a note saying
 * so; augment4j's images are 8-bit.
 *
 * <p><b>Writing</b> ({@link #write}) encodes PNG (lossless) or JPEG (quality 0.95, alpha dropped) to a temporary file
 * next to the target and renames it into place atomically: a reader, a crash or Ctrl-C never sees a half-written
 * file. Left-over temporary files end in {@link #TEMP_SUFFIX}.
 */
public final class ImageFiles {
    /** Default for {@code --max-pixels}: 100 megapixels (a 10000x10000 image; about 400 MB as RGBA). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** The suffix of temporary files written before the atomic rename. */
    public static final String TEMP_SUFFIX = ".aug-tmp";
    /** File name extensions the batch commands pick up. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private static final Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOK = new java.util.concurrent.atomic.AtomicBoolean();

    static {
        ImageIO.setUseCache(false);
    }

    /**
     * Deletes the temporary files of writes still in progress when the JVM exits (Ctrl-C, SIGTERM), so an
     * interrupted run leaves only complete files. A hard kill (SIGKILL) cannot be caught: the next
     * {@code aug apply} into the same folder deletes what it left.
     */
    public static void deleteTempFilesOnExit() {
        if (HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // nothing more to do while exiting
                    }
                }
            }, "aug-temp-cleanup"));
        }
    }

    private ImageFiles() {
    }

    /**
     * A decoded image.
     *
     * @param image the pixels, UINT8, 1, 3 or 4 channels
     * @param format the format the decoder recognised: {@code png}, {@code jpeg}, {@code bmp}, {@code gif}
     * @param notes remarks about conversions made (e.g. 16 to 8 bits), empty when none
     */
    public record Decoded(ArrayImage image, String format, List<String> notes) {
    }

    /** Reads an image file; see the class documentation for what is refused. */
    public static Decoded read(Path file, long maxPixels) {
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, "is a folder, not an image file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file, "permission denied");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new InputException(file, "the file is empty (0 bytes), not an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InputException(file, "cannot open the file for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(file, notAnImage(file));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                int w;
                int h;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new InputException(file, "corrupt " + format + " header: " + message(e), e);
                }
                if (w <= 0 || h <= 0) {
                    throw new InputException(file, "the " + format + " header claims an empty image (" + w + "x" + h + ")");
                }
                long pixels = (long) w * h;
                if (pixels > maxPixels) {
                    throw new InputException(file, String.format(Locale.ROOT,
                            "the image is %dx%d = %,d pixels, over the limit of %,d; refused before decoding "
                                    + "(raise it with --max-pixels if the file is genuine)", w, h, pixels, maxPixels));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(new Warnings(warnings));
                BufferedImage bi;
                try {
                    bi = reader.read(0);
                } catch (IIOException e) {
                    throw new InputException(file, decodeFailure(format, e), e);
                } catch (IOException | RuntimeException e) {
                    throw new InputException(file, "corrupt or truncated " + format + " data: " + message(e), e);
                }
                if (!warnings.isEmpty()) {
                    throw new InputException(file, "corrupt or truncated " + format + " data: " + warnings.get(0));
                }
                List<String> notes = new ArrayList<>();
                return new Decoded(toImage(file, bi, notes), format, List.copyOf(notes));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + message(e), e);
        }
    }

    private static final class Warnings implements IIOReadWarningListener {
        private final List<String> sink;

        Warnings(List<String> sink) {
            this.sink = sink;
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            sink.add(warning);
        }
    }

    private static String decodeFailure(String format, IIOException e) {
        String m = message(e);
        if (format.equals("jpeg") && m.toLowerCase(Locale.ROOT).contains("unsupported image type")) {
            return "a JPEG colour type (CMYK/YCCK) that Java's JPEG decoder cannot read; convert it to RGB first "
                    + "(e.g. 'magick in.jpg -colorspace sRGB out.jpg')";
        }
        return "corrupt or truncated " + format + " data: " + m;
    }

    private static String message(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        while (t != null) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }

    /** Why a file no decoder recognised is not an image, with a hint at what it is. */
    private static String notAnImage(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "not an image file ImageIO can read";
        }
        boolean text = n > 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                text = false;
                break;
            }
        }
        String what = text ? "it looks like a text file" : "its first bytes " + hex(head, n) + " match no known format";
        return "not an image (" + what + "); readable formats: PNG, JPEG, BMP, GIF";
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 8); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    /** Converts a decoded image to 1, 3 or 4 UINT8 channels, reducing 16-bit samples to 8 bits. */
    static ArrayImage toImage(Path file, BufferedImage bi, List<String> notes) {
        int maxBits = 0;
        for (int s : bi.getColorModel().getComponentSize()) {
            maxBits = Math.max(maxBits, s);
        }
        if (maxBits <= 8) {
            if (bi.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_CMYK) {
                notes.add("CMYK image converted to RGB without its colour profile; colours may be off");
            }
            try {
                return BufferedImages.toImage(bi);
            } catch (ImageFormatException e) {
                throw new InputException(file, e.getMessage(), e);
            }
        }
        if (maxBits > 16 || bi.getRaster().getTransferType() == java.awt.image.DataBuffer.TYPE_FLOAT
                || bi.getRaster().getTransferType() == java.awt.image.DataBuffer.TYPE_DOUBLE) {
            throw new InputException(file, maxBits + "-bit or floating-point images are not supported (only 8 and 16 bits)");
        }
        Raster r = bi.getRaster();
        int bands = r.getNumBands();
        int w = bi.getWidth();
        int h = bi.getHeight();
        boolean alpha = bi.getColorModel().hasAlpha();
        int outC;
        if (bands == 1) {
            outC = 1;
        } else if (bands == 2 && alpha) {
            outC = 4;
        } else if (bands == 3 && !alpha) {
            outC = 3;
        } else if (bands == 4 && alpha) {
            outC = 4;
        } else {
            throw new InputException(file, "a " + bands + "-band " + maxBits + "-bit image is not supported");
        }
        byte[] out = new byte[w * h * outC];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * outC;
                int i = x * bands;
                if (bands == 2) {
                    byte g = to8(row[i], maxBits);
                    out[o] = g;
                    out[o + 1] = g;
                    out[o + 2] = g;
                    out[o + 3] = to8(row[i + 1], maxBits);
                } else {
                    for (int c = 0; c < outC; c++) {
                        out[o + c] = to8(row[i + c], maxBits);
                    }
                }
            }
        }
        notes.add(maxBits + "-bit image converted to 8 bits per channel (v * 255 / " + ((1 << maxBits) - 1)
                + ", rounded); outputs are 8-bit");
        return ArrayImage.wrapBytes(h, w, outC, out);
    }

    private static byte to8(int v, int bits) {
        long max = (1L << bits) - 1;
        return (byte) ((v * 255L + max / 2) / max);
    }

    /** The output format for an input of this file name: {@code png} or {@code jpeg} (PNG for anything else). */
    public static String formatFor(Path file) {
        String ext = extension(file);
        return ext.equals("jpg") || ext.equals("jpeg") ? "jpeg" : "png";
    }

    /** The lower-case extension without the dot, or "" when there is none. */
    public static String extension(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Encodes {@code image} as {@code format} ({@code png} or {@code jpeg}) and moves it to {@code target}
     * atomically, replacing any existing file. On failure nothing is left behind.
     *
     * @throws UsageException when the folder cannot be written
     */
    public static void write(Image image, String format, Path target) {
        BufferedImage bi = BufferedImages.toBufferedImage(image);
        if (format.equals("jpeg") && bi.getColorModel().hasAlpha()) {
            BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = rgb.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, bi.getWidth(), bi.getHeight());
            g.drawImage(bi, 0, 0, null);
            g.dispose();
            bi = rgb;
        }
        write(bi, format, target);
    }

    /** Encodes a {@link BufferedImage} and moves it into place atomically, as {@link #write(Image, String, Path)}. */
    public static void write(BufferedImage bi, String format, Path target) {
        write(bi, format, target, false);
    }

    /**
     * As {@link #write(BufferedImage, String, Path)}; {@code fast} trades PNG size for speed (deflate level 1
     * instead of the default), for previews.
     */
    public static void write(BufferedImage bi, String format, Path target, boolean fast) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // not createTempFile: its owner-only permissions would stay on the output; this one gets the umask's
            tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
            Files.createFile(tmp);
            IN_FLIGHT.add(tmp);
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (format.equals("jpeg")) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.95f);
                } else if (fast && param.canWriteCompressed()) {
                    // JDK PNG writer: deflate level = (int) (9 * (1 - quality))
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.8f); // level (int) (9 * 0.2) = 1
                }
                writer.write(null, new IIOImage(bi, null, null), param);
            } finally {
                writer.dispose();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            IN_FLIGHT.remove(tmp);
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot write " + target + ": permission denied on " + e.getFile(), e);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot write " + target + ": folder " + dir + " does not exist", e);
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + message(e), e);
        } finally {
            if (tmp != null) {
                IN_FLIGHT.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; a re-run of 'aug apply' removes left-over temporary files
                }
            }
        }
    }
}
