package io.augment4j.api.io;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
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
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading and writing image files (PNG, JPEG, BMP, GIF through {@code javax.imageio}), hardened against bad input.
 * The command-line tool, the trainer's folder datasets and library users all read and write images here.
 *
 * <p><b>Reading</b> ({@link #read(Path, ImageReadOptions)}) refuses, with an {@link ImageReadException} whose
 * message names the file and the reason: missing files and folders, empty (0-byte) files, files that are not images
 * whatever their name says (with a hint when they look like text), images whose header claims more pixels than
 * {@link ImageReadOptions#maxPixels()} (checked from the header, before any pixel is decoded, so a small file that
 * claims 60000x60000 costs nothing), truncated or corrupt data (including the JPEG decoder's "premature end"
 * warnings, which ImageIO otherwise turns into silently grey pixels), samples deeper than 16 bits, and JPEGs whose
 * colour type Java's decoder cannot read (some CMYK/YCCK files).
 *
 * <p>Pixels become a UINT8 {@link ArrayImage} by the one policy of {@link BufferedImages#toImage(BufferedImage,
 * boolean)}: gray is 1 channel, colour 3 (RGB), alpha kept as RGBA or dropped
 * ({@link ImageReadOptions#keepAlpha()}), palette images looked up in their palette, raw sample values without
 * colour management, and <b>16-bit</b> samples reduced to 8 bits as {@code round(v * 255 / 65535)}. CMYK JPEGs that
 * Java's decoder reads are converted to RGB (without their ICC profile). The 16-bit and CMYK conversions are
 * reported in {@link Decoded#notes()}.
 *
 * <p><b>Writing</b> ({@link #write(Image, Path)}) picks the format from the file name: {@code .png} (lossless),
 * {@code .jpg}/{@code .jpeg} (quality {@link ImageWriteOptions#jpegQuality()}) or {@code .bmp}; any other extension
 * is an error naming it. JPEG and BMP have no alpha: an RGBA image is blended onto white first. The file is written
 * through {@link AtomicFiles} (a temporary file in the same folder, then an atomic rename), so a reader, a crash or
 * Ctrl-C never sees a half-written image; the content is not forced to disk ({@link AtomicFiles.Sync#NONE}), since
 * that would cost about as much as encoding a small image.
 */
public final class ImageFiles {
    /** The default pixel limit: 100 megapixels (a 10000x10000 image; about 400 MB as RGBA). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** File name extensions (lower case, no dot) of the formats {@link #read} decodes. */
    public static final Set<String> READABLE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** File name extensions (lower case, no dot) of the formats {@link #write} encodes. */
    public static final Set<String> WRITABLE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private ImageFiles() {
    }

    /**
     * A decoded image.
     *
     * @param image the pixels, UINT8, 1, 3 or 4 channels
     * @param format the format the decoder recognised: {@code png}, {@code jpeg}, {@code bmp}, {@code gif}
     * @param notes remarks about conversions made (16 to 8 bits, CMYK to RGB), empty when none
     */
    public record Decoded(ArrayImage image, String format, List<String> notes) {
        public Decoded {
            notes = List.copyOf(notes);
        }
    }

    /** Reads an image file with {@link ImageReadOptions#DEFAULTS}. */
    public static Decoded read(Path file) {
        return read(file, ImageReadOptions.DEFAULTS);
    }

    /**
     * Reads an image file; see the class documentation for the conversions made and what is refused.
     *
     * @throws ImageReadException naming the file and the reason when it cannot be used
     */
    public static Decoded read(Path file, ImageReadOptions options) {
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new ImageReadException(file, "is a folder, not an image file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImageReadException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new ImageReadException(file, "permission denied");
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot read: " + message(e), e);
        }
        if (size == 0) {
            throw new ImageReadException(file, "the file is empty (0 bytes), not an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageReadException(file, "cannot open the file for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageReadException(file, notAnImage(file));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return decode(file, reader, options);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot read: " + message(e), e);
        }
    }

    /**
     * Decodes an image held in memory (read from HDFS or S3, or a Spark {@code binaryFile} row) exactly as
     * {@link #read(Path, ImageReadOptions)} decodes the same bytes from a file, refusing the same things.
     *
     * @param name the image's name or path, for messages only
     * @throws ImageReadException naming {@code name} and the reason when the bytes cannot be used
     */
    public static Decoded decode(byte[] bytes, Path name, ImageReadOptions options) {
        if (bytes.length == 0) {
            throw new ImageReadException(name, "the file is empty (0 bytes), not an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return fail(name, notAnImage(bytes, Math.min(bytes.length, 16)));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return decode(name, reader, options);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageReadException(name, "cannot read: " + message(e), e);
        }
    }

    private static Decoded fail(Path name, String reason) {
        throw new ImageReadException(name, reason);
    }

    private static Decoded decode(Path file, ImageReader reader, ImageReadOptions options) throws IOException {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        int w;
        int h;
        try {
            w = reader.getWidth(0);
            h = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file, "corrupt " + format + " header: " + message(e), e);
        }
        if (w <= 0 || h <= 0) {
            throw new ImageReadException(file, "the " + format + " header claims an empty image (" + w + "x" + h + ")");
        }
        long pixels = (long) w * h;
        if (pixels > options.maxPixels()) {
            String raise = options.limitSetting() == null ? "raise the limit"
                    : "raise it with " + options.limitSetting();
            throw new ImageReadException(file, String.format(Locale.ROOT,
                    "the image is %dx%d = %,d pixels, over the limit of %,d; refused before decoding "
                            + "(%s if the file is genuine)", w, h, pixels, options.maxPixels(), raise));
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener(new Warnings(warnings));
        BufferedImage bi;
        try {
            bi = reader.read(0);
        } catch (IIOException e) {
            throw new ImageReadException(file, decodeFailure(format, e), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file, "corrupt or truncated " + format + " data: " + message(e), e);
        }
        if (!warnings.isEmpty()) {
            throw new ImageReadException(file, "corrupt or truncated " + format + " data: " + warnings.get(0));
        }
        List<String> notes = new ArrayList<>();
        int bits = BufferedImages.maxBits(bi.getColorModel());
        if (bits > 8) {
            notes.add(bits + "-bit image converted to 8 bits per channel (v * 255 / " + ((1 << bits) - 1)
                    + ", rounded); outputs are 8-bit");
        }
        if (bi.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
            notes.add("CMYK image converted to RGB without its colour profile; colours may be off");
        }
        try {
            return new Decoded(BufferedImages.toImage(bi, options.keepAlpha()), format, notes);
        } catch (ImageFormatException e) {
            throw new ImageReadException(file, e.getMessage(), e);
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

    /** The messages of {@code e} and its causes, each once. */
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
        return notAnImage(head, n);
    }

    private static String notAnImage(byte[] head, int n) {
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

    /** The lower-case extension of a file name without the dot, or "" when there is none. */
    public static String extension(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** True when the file name ends in one of {@link #READABLE_EXTENSIONS} (any case). */
    public static boolean hasImageExtension(Path file) {
        return READABLE_EXTENSIONS.contains(extension(file));
    }

    /**
     * The format {@link #write(Image, Path)} uses for this file name: {@code png}, {@code jpeg} or {@code bmp}.
     *
     * @throws AugmentException naming the file when its extension is none of {@link #WRITABLE_EXTENSIONS}
     */
    public static String formatFor(Path file) {
        String ext = extension(file);
        if (!WRITABLE_EXTENSIONS.contains(ext)) {
            throw new AugmentException("cannot write " + file + ": " + (ext.isEmpty() ? "the name has no extension"
                    : "unknown image format '." + ext + "'") + "; the name must end in .png, .jpg, .jpeg or .bmp");
        }
        return ext.equals("jpg") ? "jpeg" : ext;
    }

    /** Writes {@code image} to {@code target} in the format its extension names ({@link #formatFor}). */
    public static void write(Image image, Path target) {
        write(image, formatFor(target), target);
    }

    /**
     * Encodes {@code image} as {@code format} ({@code png}, {@code jpeg}/{@code jpg} or {@code bmp}, whatever the
     * target's name) and moves it to {@code target} atomically, replacing any existing file. On failure nothing is
     * left behind.
     *
     * @throws AugmentException naming the target when the format is unknown or the folder cannot be written
     */
    public static void write(Image image, String format, Path target) {
        write(BufferedImages.toBufferedImage(image), format, target, ImageWriteOptions.DEFAULTS);
    }

    /** Encodes a {@link BufferedImage} and moves it into place atomically, as {@link #write(Image, String, Path)}. */
    public static void write(BufferedImage image, String format, Path target, ImageWriteOptions options) {
        String f = format.toLowerCase(Locale.ROOT);
        String fmt = f.equals("jpg") ? "jpeg" : f;
        if (!Set.of("png", "jpeg", "bmp").contains(fmt)) {
            throw new AugmentException("cannot write " + target + ": unknown image format '" + format
                    + "'; writable formats: png, jpeg, bmp");
        }
        BufferedImage bi = fmt.equals("png") ? image : withoutAlpha(image);
        Path dir = target.toAbsolutePath().getParent();
        try {
            AtomicFiles.write(target, AtomicFiles.Sync.NONE, out -> encode(bi, fmt, options, out));
        } catch (AccessDeniedException e) {
            throw new AugmentException("cannot write " + target + ": permission denied on " + e.getFile(), e);
        } catch (NoSuchFileException e) {
            throw new AugmentException("cannot write " + target + ": folder " + dir + " does not exist", e);
        } catch (IOException e) {
            throw new AugmentException("cannot write " + target + ": " + message(e), e);
        }
    }

    /**
     * Encodes {@code image} in memory, byte for byte as {@link #write(Image, String, Path)} writes it to a file (for
     * writers that are not local files, such as Hadoop's {@code FileSystem}).
     *
     * @param format {@code png}, {@code jpeg}/{@code jpg} or {@code bmp}
     * @throws AugmentException when the format is none of those
     */
    public static byte[] encode(Image image, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        String fmt = f.equals("jpg") ? "jpeg" : f;
        if (!Set.of("png", "jpeg", "bmp").contains(fmt)) {
            throw new AugmentException("cannot encode: unknown image format '" + format
                    + "'; writable formats: png, jpeg, bmp");
        }
        BufferedImage bi = BufferedImages.toBufferedImage(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            encode(fmt.equals("png") ? bi : withoutAlpha(bi), fmt, ImageWriteOptions.DEFAULTS, bytes);
        } catch (IOException e) {
            throw new AugmentException("cannot encode " + fmt + ": " + message(e), e);
        }
        return bytes.toByteArray();
    }

    private static void encode(BufferedImage bi, String format, ImageWriteOptions options, java.io.OutputStream os)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        // A memory cache, not ImageIO.createImageOutputStream: that one may cache in a temporary file on disk.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(os)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.jpegQuality());
            } else if (format.equals("png") && options.fastPng() && param.canWriteCompressed()) {
                // JDK PNG writer: deflate level = (int) (9 * (1 - quality))
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.8f); // level (int) (9 * 0.2) = 1
            }
            writer.write(null, new IIOImage(bi, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** JPEG and BMP carry no alpha: blend onto white. */
    private static BufferedImage withoutAlpha(BufferedImage bi) {
        if (!bi.getColorModel().hasAlpha()) {
            return bi;
        }
        BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, bi.getWidth(), bi.getHeight());
        g.drawImage(bi, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
