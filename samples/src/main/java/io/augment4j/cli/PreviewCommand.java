package io.augment4j.cli;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.Sample;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageWriteOptions;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.cli.labels.ImageLabels;
import io.augment4j.cli.labels.LabelFormat;
import io.augment4j.cli.labels.YoloLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;

/** {@code aug preview}: the original and n augmented variants of one image on one labelled PNG sheet. */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write one PNG sheet of an image and N augmented variants, each labelled.",
                "The original comes first (top left); each variant's label lists the transforms applied and the",
                "parameters they sampled. With --labels, every tile shows the boxes (with their class) and",
                "keypoints as they follow the image, and its label says how many the targets: policy dropped.", ""},
        footer = {"", "Examples:",
                "  aug preview --spec samples/specs/demo.yaml --image samples/images/chelsea.png --out target/preview.png",
                "  aug preview --spec \"hflip(p=0.5) | rotate(limit=15) | invert(p=0.2)\" --image photo.jpg -n 8 --out sheet.png",
                "  aug preview --spec samples/specs/detection.yaml --image samples/yolo/shapes1.png --labels yolo"})
final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = {"A YAML/JSON spec file, or an inline spec such as",
                    "\"hflip(p=0.5) | rotate(limit=15) | one_of(gaussian_blur, motion_blur)\"",
                    "(syntax: README.md, Pipeline specs, Inline syntax)."})
    String specArg;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image to augment.")
    Path image;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "aug-preview.png",
            description = "Where to write the sheet: PNG, or JPEG/BMP by the extension (default: ${DEFAULT-VALUE});"
                    + " folders are created.")
    Path out;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "16",
            description = "Number of variants (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed; overrides the spec's seed (default: the spec's, or 0).")
    Long seed;

    @Option(names = "--tile", paramLabel = "PX", defaultValue = "256",
            description = "Thumbnail size in pixels (default: ${DEFAULT-VALUE}).")
    int tile;

    @Option(names = "--cols", paramLabel = "C", defaultValue = "0",
            description = "Columns of the grid (default: near square).")
    int cols;

    @Mixin
    LabelsOption labels;

    @Mixin
    MaxPixelsOption maxPixels;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1 || count > 1000) {
            throw new UsageException("-n must be between 1 and 1000, got " + count);
        }
        if (tile < 32 || tile > 2048) {
            throw new UsageException("--tile must be between 32 and 2048 pixels, got " + tile);
        }
        Timing timing = new Timing(err);
        TransformRegistry registry = Registries.discover(spec, err);
        timing.mark("discover transforms (loads OpenCV)");
        Pipeline pipeline = Pipeline.compile(SpecLoader.load(specArg, registry), registry);
        LabelFormat labelFormat = labels.labels();
        if (seed != null) {
            pipeline = pipeline.withSeed(seed);
        }
        Path target = out.toAbsolutePath().normalize();
        String format = ImageFiles.formatFor(target); // before any work: a bad extension fails at once
        prepareOutput(target);

        timing.mark("spec + compile");
        ImageFiles.Decoded decoded = ImageFiles.read(image, maxPixels.readOptions());
        timing.mark("decode image");
        decoded.notes().forEach(n -> err.println("aug: note: " + image + ": " + n));
        Sample sample = Sample.of(decoded.image());
        ImageLabels read = null;
        if (labelFormat != null) {
            Path file = image.toAbsolutePath().normalize();
            read = labelFormat.read(file, file.getFileName().toString(), decoded.image().width(),
                    decoded.image().height());
            sample = sample.withBoxes(read.boxes()).withKeypoints(read.keypoints());
            pipeline.requireTargets(sample.targets());
            timing.mark("read labels");
        }
        Function<String, String> names = classNames(labelFormat);
        final Sample input = sample;
        final int boxesIn = sample.boxes().size();
        final int pointsIn = sample.keypoints().size();

        List<PreviewSheet.Tile> tiles = new ArrayList<>();
        String size = decoded.image().width() + "x" + decoded.image().height();
        List<String> about = new ArrayList<>(List.of(String.valueOf(image.getFileName()),
                decoded.image().channels() + " channels, seed " + pipeline.seed()));
        if (read != null) {
            about.add(boxesIn + " boxes, " + input.keypoints().size() + " keypoints: " + read.source());
        }
        tiles.add(new PreviewSheet.Tile(BufferedImages.toBufferedImage(decoded.image()), "original " + size, about,
                named(input.boxes(), names), input.keypoints()));
        final Pipeline pl = pipeline;
        // variants in parallel; each depends only on its index, so the sheet is the same on any number of cores
        List<PreviewSheet.Tile> variants = IntStream.range(0, count).parallel().mapToObj(i -> {
            Applied a;
            try {
                a = pl.applyRecorded(input, i);
            } catch (TransformFailedException e) {
                throw e.on(image.toString());
            }
            String outSize = a.sample().image().width() + "x" + a.sample().image().height();
            List<String> phrases = ReplayLabels.describe(a.replay());
            String kept = labelFormat == null ? "" : "  " + counts(a.sample().boxes().size(), boxesIn, "boxes")
                    + (pointsIn == 0 ? "" : ", " + counts(a.sample().keypoints().size(), pointsIn, "points"));
            return new PreviewSheet.Tile(BufferedImages.toBufferedImage(a.sample().image()),
                    "#" + i + (outSize.equals(size) ? "" : "  " + outSize) + kept,
                    phrases.isEmpty() ? List.of("(nothing applied)") : phrases, named(a.sample().boxes(), names),
                    a.sample().keypoints());
        }).toList();
        tiles.addAll(variants);
        timing.mark("augment " + count + " variants");
        String header = "aug preview  |  " + describeSpec() + "  |  " + image.getFileName() + "  |  seed "
                + pipeline.seed() + ", " + count + " variants";
        BufferedImage sheet = PreviewSheet.render(header, tiles, tile, cols);
        timing.mark("render sheet");
        ImageFiles.write(sheet, format, target, ImageWriteOptions.DEFAULTS.withFastPng(true));
        timing.mark("encode + write " + format);
        stdout.println("Preview sheet written to " + target + " (" + sheet.getWidth() + "x" + sheet.getHeight()
                + " px: the original, top left, and " + count + " variants)");
        return ExitCodes.OK;
    }

    /** {@code "3 boxes"}, or {@code "2 boxes, 1 dropped"}. */
    private static String counts(int kept, int given, String what) {
        return kept + " " + what + (kept < given ? ", " + (given - kept) + " dropped" : "");
    }

    /** YOLO class numbers shown by name when a classes.txt is found beside the image or above it. */
    private Function<String, String> classNames(LabelFormat format) {
        if (!(format instanceof YoloLabels)) {
            return Function.identity();
        }
        Path dir = image.toAbsolutePath().normalize().getParent();
        List<String> list = YoloLabels.classNames(dir, dir.getParent() != null ? dir.getParent() : dir);
        return id -> {
            int n = id.matches("\\d{1,9}") ? Integer.parseInt(id) : -1;
            return n >= 0 && n < list.size() && !list.get(n).isEmpty() ? list.get(n) : id;
        };
    }

    private static List<BoundingBox> named(List<BoundingBox> boxes, Function<String, String> names) {
        return boxes.stream().map(b -> b.label() == null ? b : b.withLabel(names.apply(b.label()))).toList();
    }

    private String describeSpec() {
        String s = specArg.strip();
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    static void prepareOutput(Path target) {
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + target + " is a folder; give a file name such as sheet.png");
        }
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create output folder " + dir + ": " + IoErrors.reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("output folder " + dir + " is not writable");
        }
    }
}
