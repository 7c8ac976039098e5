package io.augment4j.trainer.split;

import io.augment4j.trainer.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A train/val/test partition of a dataset's indices, saved so that runs compare on the same
 * examples.
 *
 * @param datasetSize size of the dataset the indices refer to (checked on reuse)
 * @param spec how the split was made
 * @param train train indices
 * @param val validation indices
 * @param test test indices
 * @param warnings human-readable warnings about split sizes (see {@link SplitAdvisor})
 */
public record Split(
        int datasetSize, SplitSpec spec, int[] train, int[] val, int[] test, List<String> warnings) {

    /**
     * Saves as JSON, atomically.
     *
     * @param file destination
     * @throws IOException on write failure
     */
    public void save(Path file) throws IOException {
        Json.writeAtomically(file, this);
    }

    /**
     * The same partition with the validation examples moved into train (sorted): no validation
     * part, the test part unchanged.
     *
     * @param newWarnings the warnings of the merged split (see {@link SplitAdvisor#testWarnings})
     * @return the merged split
     */
    public Split withValInTrain(List<String> newWarnings) {
        int[] t = IntStream.concat(Arrays.stream(train), Arrays.stream(val))
                .sorted().toArray();
        return new Split(datasetSize, spec, t, new int[0], test, List.copyOf(newWarnings));
    }

    /**
     * Loads a saved split and checks it belongs to a dataset of {@code expectedSize} examples.
     *
     * @param file split file
     * @param expectedSize size of the dataset it will index, or -1 to skip the check
     * @return the split
     * @throws IOException on read failure or size mismatch
     */
    public static Split load(Path file, int expectedSize) throws IOException {
        Split s = Json.MAPPER.readValue(file.toFile(), Split.class);
        if (expectedSize >= 0 && s.datasetSize != expectedSize) {
            throw new IOException("split " + file + " was made for " + s.datasetSize
                    + " examples, but the dataset has " + expectedSize
                    + ": the dataset changed, make a new split");
        }
        return s;
    }
}
