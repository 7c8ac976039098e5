package io.augment4j.cli.labels;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Sample;
import io.augment4j.api.targets.BoxFormat;
import io.augment4j.api.targets.TargetFormatException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YOLO label files: {@code name.txt} beside {@code name.jpg}, one box per line, {@code class cx cy w h}, the class a
 * non-negative integer and the box centre and size as fractions of the image width and height
 * ({@link BoxFormat#YOLO}). Blank lines are skipped. The class stays the box's label, as written ({@code "0"}), so
 * a spec's {@code flip_swap} pairs class numbers. Written back the same way, coordinates with 6 decimals; an output
 * whose boxes were all dropped gets an empty file (a background image, as YOLO tools read it). Class names, if any,
 * live in a {@value #CLASS_NAMES} file ({@link #classNames}); they are shown by {@code aug preview}.
 */
public record YoloLabels(MissingLabels missing) implements LabelFormat {
    /** The file of class names, one a line, that YOLO tools (LabelImg, ...) keep beside the labels. */
    public static final String CLASS_NAMES = "classes.txt";

    @Override
    public String id() {
        return "yolo";
    }

    @Override
    public Path sidecar(Path image) {
        return withExtension(image, "txt");
    }

    @Override
    public ImageLabels read(Path image, String rel, int width, int height) {
        Path file = sidecar(image);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (missing == MissingLabels.EMPTY) {
                return new ImageLabels(List.of(), List.of(), file.toString());
            }
            throw new LabelFileException(file + ": no label file for " + image
                    + " (--allow-missing-labels reads a missing file as an image without boxes)");
        } catch (MalformedInputException e) {
            throw new LabelFileException(file + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new LabelFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<BoundingBox> boxes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] t = line.split("\\s+");
            if (t.length != 5) {
                throw new LabelFileException(where + ": expected 'class cx cy w h' (5 values), got " + t.length
                        + (t.length > 5 ? " (YOLO keypoint and segment lines are not read)" : "") + ": '" + line + "'");
            }
            if (!t[0].matches("\\d{1,9}")) {
                throw new LabelFileException(where + ": the class '" + t[0] + "' is not a non-negative integer");
            }
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                try {
                    v[k] = Double.parseDouble(t[k + 1]);
                } catch (NumberFormatException e) {
                    throw new LabelFileException(where + ": '" + t[k + 1] + "' is not a number");
                }
            }
            try {
                boxes.add(BoxFormat.YOLO.toPixels(v, width, height, String.valueOf(Integer.parseInt(t[0])),
                        Map.of(), where));
            } catch (TargetFormatException e) {
                throw new LabelFileException(e.getMessage(), e);
            }
        }
        return new ImageLabels(boxes, List.of(), file.toString());
    }

    @Override
    public byte[] render(Path image, Sample result) {
        int w = result.image().width();
        int h = result.image().height();
        StringBuilder sb = new StringBuilder();
        for (BoundingBox b : result.boxes()) {
            double[] v = BoxFormat.YOLO.fromPixels(b, w, h);
            sb.append(b.label());
            for (double d : v) {
                sb.append(' ').append(Decimals.of(d, 6));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code file} with its extension replaced by {@code ext} ({@code a.jpg} to {@code a.txt}). */
    static Path withExtension(Path file, String ext) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot <= 0 ? name : name.substring(0, dot)) + "." + ext);
    }

    /**
     * The class names of a YOLO folder, for display: {@code classes.txt} (one name per line, line {@code n} naming
     * class {@code n}) in {@code folder} or one of its parents up to {@code root}; empty when there is none.
     */
    public static List<String> classNames(Path folder, Path root) {
        for (Path d = folder; d != null; d = d.getParent()) {
            Path f = d.resolve(CLASS_NAMES);
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::strip).toList();
                } catch (IOException e) {
                    return List.of();
                }
            }
            if (d.equals(root)) {
                break;
            }
        }
        return List.of();
    }
}
