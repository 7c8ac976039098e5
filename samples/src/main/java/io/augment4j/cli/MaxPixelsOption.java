package io.augment4j.cli;

import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageReadOptions;
import picocli.CommandLine.Option;

/** The {@code --max-pixels} option of the commands that read images, and the read options it gives. */
final class MaxPixelsOption {
    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageFiles.DEFAULT_MAX_PIXELS,
            description = "Refuse images whose header claims more pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    /** How the commands read images: this limit, alpha kept, refusals pointing at {@code --max-pixels}. */
    static ImageReadOptions readOptions(long maxPixels) {
        return ImageReadOptions.DEFAULTS.withMaxPixels(maxPixels).withLimitSetting("--max-pixels");
    }

    ImageReadOptions readOptions() {
        return readOptions(maxPixels);
    }
}
