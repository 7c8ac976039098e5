package io.augment4j.trainer.data;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageReadException;
import io.augment4j.api.io.ImageReadOptions;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link ImageSet} over a folder tree with one sub-folder per class
 * ({@code root/cat/1.png}, {@code root/dog/7.jpg}, ...).
 *
 * <p>Classes are the sub-folder names in sorted order, files are sorted within a class, so
 * indices (and therefore saved splits) are stable across runs and machines. Images are decoded
 * lazily on each read, in the caller's thread (the loader's workers), and resized to one fixed
 * size so they stack into batches.
 *
 * <p>Files are read by {@link ImageFiles} (its pixel limit, its errors naming the file, its
 * policy for 16-bit, palette and gray images) with alpha dropped; a file that cannot be read
 * fails with an {@link ImageReadException}. A 1-channel set turns colour into gray and a
 * 3-channel set repeats gray into R, G and B, both by Java2D as part of the bilinear resize;
 * an image that already has the set's size and channels is copied exactly.
 */
public final class FolderImageSet implements ImageSet {

    private static final ImageReadOptions READ = ImageReadOptions.DEFAULTS.withKeepAlpha(false);

    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final int height;
    private final int width;
    private final int channels;

    private FolderImageSet(List<Path> files, int[] labels, List<String> names, int h, int w, int c) {
        this.files = files;
        this.labels = labels;
        this.classNames = names;
        this.height = h;
        this.width = w;
        this.channels = c;
    }

    /**
     * Indexes a class-per-folder tree.
     *
     * @param root the folder holding one sub-folder per class
     * @param height target height (images of another size are resized)
     * @param width target width
     * @param channels 1 (grey) or 3 (RGB)
     * @return the dataset
     * @throws IOException when the tree cannot be listed or holds no images
     */
    public static FolderImageSet open(Path root, int height, int width, int channels)
            throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path dir : classDirs) {
            int label = names.size();
            names.add(dir.getFileName().toString());
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(FolderImageSet::isImage).sorted().toList()) {
                    files.add(f);
                    labels.add(label);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no images (" + ImageFiles.READABLE_EXTENSIONS
                    + ") in class folders under " + root);
        }
        return new FolderImageSet(
                List.copyOf(files),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(names), height, width, channels);
    }

    private static boolean isImage(Path p) {
        return Files.isRegularFile(p) && ImageFiles.hasImageExtension(p);
    }

    /** @return the file of example {@code index} */
    public Path file(int index) {
        return files.get(index);
    }

    @Override
    public String describe(int index) {
        return files.get(index).toString();
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void image(int index, float[] dst) {
        ArrayImage img = ImageFiles.read(files.get(index), READ).image();
        if (img.height() == height && img.width() == width && img.channels() == channels) {
            byte[] px = img.rawBytes();
            for (int i = 0; i < px.length; i++) {
                dst[i] = px[i] & 0xFF;
            }
            return;
        }
        // Drawing into a fixed-type image both resizes and converts between gray and RGB.
        int type = channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage norm = new BufferedImage(width, height, type);
        Graphics2D g = norm.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(BufferedImages.toBufferedImage(img), 0, 0, width, height, null);
        g.dispose();
        if (channels == 1) {
            byte[] px = new byte[width * height];
            norm.getRaster().getDataElements(0, 0, width, height, px);
            for (int i = 0; i < px.length; i++) {
                dst[i] = px[i] & 0xFF;
            }
        } else {
            int[] rgb = norm.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < rgb.length; i++) {
                dst[3 * i] = (rgb[i] >> 16) & 0xFF;
                dst[3 * i + 1] = (rgb[i] >> 8) & 0xFF;
                dst[3 * i + 2] = rgb[i] & 0xFF;
            }
        }
    }
}
