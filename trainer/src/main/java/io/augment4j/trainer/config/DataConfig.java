package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import java.util.List;

/**
 * The {@code data:} section: where the images come from. Relative paths are relative to the
 * config file's folder.
 *
 * @param type {@code idx} (MNIST-style IDX files, plain or gzipped) or {@code folder} (one
 *     sub-folder per class); required
 * @param trainImages IDX: the train image file (idx3); required for {@code idx}
 * @param trainLabels IDX: the train label file (idx1); required for {@code idx}
 * @param testImages IDX: the test image file; optional (then the test set comes from the split)
 * @param testLabels IDX: the test label file; given together with {@code test_images}
 * @param root folder: the folder holding one sub-folder per class; required for {@code folder}
 * @param testRoot folder: a separate test folder with the same classes; optional
 * @param height folder: images are resized to this height; default 32 (IDX: from the file)
 * @param width folder: images are resized to this width; default 32 (IDX: from the file)
 * @param channels folder: 1 (grey) or 3 (RGB); default 3 (IDX: always 1)
 * @param classNames names of the classes by label; default: IDX "0".."9", folder the sub-folder names
 * @param limit use at most this many train examples, a seeded stratified sample; 0 = all
 * @param testLimit use at most this many test examples (separate test set only); 0 = all
 */
public record DataConfig(
        Type type, String trainImages, String trainLabels, String testImages, String testLabels,
        String root, String testRoot, Integer height, Integer width, Integer channels,
        List<String> classNames, Integer limit, Integer testLimit) {

    /** Dataset formats. */
    public enum Type {
        /** MNIST-style IDX files. */
        IDX,
        /** One sub-folder per class. */
        FOLDER
    }

    /** Validates and fills defaults. */
    public DataConfig {
        check(type != null, "type", "is required: idx or folder");
        if (type == Type.IDX) {
            check(trainImages != null, "train_images", "is required for type idx");
            check(trainLabels != null, "train_labels", "is required for type idx");
            check((testImages == null) == (testLabels == null), testImages == null ? "test_images" : "test_labels",
                    "give test_images and test_labels together, or neither");
            check(root == null, "root", "is for type folder; type idx reads train_images/train_labels");
        } else {
            check(root != null, "root", "is required for type folder");
            check(trainImages == null && trainLabels == null, trainImages != null ? "train_images" : "train_labels",
                    "is for type idx; type folder reads root");
        }
        height = height == null ? 32 : height;
        width = width == null ? 32 : width;
        channels = channels == null ? (type == Type.IDX ? 1 : 3) : channels;
        check(height > 0, "height", "must be positive, got " + height);
        check(width > 0, "width", "must be positive, got " + width);
        check(channels == 1 || channels == 3, "channels", "must be 1 or 3, got " + channels);
        limit = limit == null ? 0 : limit;
        testLimit = testLimit == null ? 0 : testLimit;
        check(limit >= 0, "limit", "must be >= 0 (0 = all), got " + limit);
        check(testLimit >= 0, "test_limit", "must be >= 0 (0 = all), got " + testLimit);
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** @return true when the dataset brings its own test set */
    public boolean hasTestSet() {
        return type == Type.IDX ? testImages != null : testRoot != null;
    }
}
