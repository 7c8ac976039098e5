package io.augment4j.cli;

import io.augment4j.cli.labels.CocoLabels;
import io.augment4j.cli.labels.LabelFormat;
import io.augment4j.cli.labels.MissingLabels;
import io.augment4j.cli.labels.VocLabels;
import io.augment4j.cli.labels.YoloLabels;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** {@code --labels}, {@code --annotations} and {@code --allow-missing-labels}, shared by apply and preview. */
final class LabelsOption {
    @Option(names = "--labels", paramLabel = "FORMAT",
            description = {"Boxes (and keypoints) that follow the image: yolo (NAME.txt beside each image),",
                    "voc (NAME.xml beside each image) or coco (one --annotations file). Written back in the",
                    "same format beside each output (coco: OUT/annotations.json). Filtering: the spec's targets:."})
    String format;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "The COCO annotation file of the input images (with --labels coco).")
    Path annotations;

    @Option(names = "--allow-missing-labels",
            description = "An image without a label file (or COCO entry) has no boxes, instead of being an error.")
    boolean allowMissing;

    /** The label format asked for, or {@code null} without {@code --labels}. */
    LabelFormat labels() {
        if (format == null) {
            if (annotations != null) {
                throw new UsageException("--annotations needs --labels coco");
            }
            return null;
        }
        MissingLabels missing = allowMissing ? MissingLabels.EMPTY : MissingLabels.ERROR;
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("coco") && annotations != null) {
            throw new UsageException("--annotations is for --labels coco; " + format + " labels sit beside each image");
        }
        return switch (f) {
            case "yolo" -> new YoloLabels(missing);
            case "voc", "pascal_voc" -> new VocLabels(missing);
            case "coco" -> {
                if (annotations == null) {
                    throw new UsageException("--labels coco needs --annotations FILE (the COCO JSON of the inputs)");
                }
                yield CocoLabels.load(annotations.toAbsolutePath().normalize(), missing);
            }
            default -> throw new UsageException("--labels must be yolo, voc or coco, got '" + format + "'");
        };
    }
}
