package io.augment4j.trainer.loop;

import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.TensorFile;
import io.augment4j.trainer.data.Normalization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a run exactly: weights (with batch-norm statistics), optimizer
 * state, epoch and step counters, history, listener state and the normalization. There is no
 * generator state to save: every random draw derives from (seed, epoch, index).
 *
 * <p>Stored as one {@link TensorFile}, written to a temp file and renamed, so a kill during the
 * write leaves the previous checkpoint intact.
 *
 * @param epoch last completed epoch (0-based)
 * @param step global steps done
 * @param finished the run ended (epochs done or stopped early)
 * @param stopReason why a listener ended the run after {@code epoch}, or null
 * @param history metrics so far
 * @param normalization input statistics (from the train split)
 * @param listeners listener JSON state by key
 * @param params parameters by name
 * @param optimizer optimizer state by key
 * @param listenerTensors listener tensors by key, then name
 */
public record Checkpoint(int epoch, long step, boolean finished, String stopReason,
        List<Map<String, Double>> history,
        Normalization normalization, Map<String, Map<String, Object>> listeners,
        Map<String, HostTensor> params, Map<String, HostTensor> optimizer,
        Map<String, Map<String, HostTensor>> listenerTensors) {

    /** File name of the latest checkpoint inside the output folder. */
    public static final String FILE = "last.ckpt";

    /** The JSON header. */
    record Meta(int epoch, long step, boolean finished, String stopReason, List<Map<String, Double>> history,
            Normalization normalization, Map<String, Map<String, Object>> listeners) {}

    /** @param dir output folder @return the checkpoint path in it */
    public static Path path(Path dir) {
        return dir.resolve(FILE);
    }

    /** @param dir output folder @return true when a checkpoint exists there */
    public static boolean exists(Path dir) {
        return dir != null && Files.isRegularFile(path(dir));
    }

    /**
     * @param config the loop's options
     * @return the checkpoint to resume from: the output folder's, when {@code resume} is on and
     *     there is one; else null
     * @throws UncheckedIOException when it cannot be read
     */
    public static Checkpoint resumePoint(LoopConfig config) {
        Path dir = config.outputDir();
        if (!config.resume() || !exists(dir)) {
            return null;
        }
        try {
            return load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + path(dir), e);
        }
    }

    /**
     * Writes atomically to {@code dir/last.ckpt}.
     *
     * @param dir output folder
     * @throws IOException on failure
     */
    public void save(Path dir) throws IOException {
        Map<String, HostTensor> all = new LinkedHashMap<>();
        params.forEach((k, v) -> all.put("param/" + k, v));
        optimizer.forEach((k, v) -> all.put("opt/" + k, v));
        listenerTensors.forEach((l, m) -> m.forEach((k, v) -> all.put("listener/" + l + "/" + k, v)));
        byte[] header = Json.MAPPER.writeValueAsBytes(
                new Meta(epoch, step, finished, stopReason, history, normalization, listeners));
        TensorFile.write(path(dir), header, all);
    }

    /**
     * @param dir output folder
     * @return the checkpoint in it
     * @throws IOException on failure
     */
    public static Checkpoint load(Path dir) throws IOException {
        TensorFile.Contents c = TensorFile.read(path(dir));
        Meta m = Json.MAPPER.readValue(c.header(), Meta.class);
        Map<String, HostTensor> params = new LinkedHashMap<>();
        Map<String, HostTensor> opt = new LinkedHashMap<>();
        Map<String, Map<String, HostTensor>> lt = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith("param/")) {
                params.put(k.substring(6), v);
            } else if (k.startsWith("opt/")) {
                opt.put(k.substring(4), v);
            } else if (k.startsWith("listener/")) {
                String rest = k.substring(9);
                int slash = rest.indexOf('/');
                lt.computeIfAbsent(rest.substring(0, slash), x -> new LinkedHashMap<>())
                        .put(rest.substring(slash + 1), v);
            }
        });
        return new Checkpoint(m.epoch(), m.step(), m.finished(), m.stopReason(), m.history(), m.normalization(),
                m.listeners() == null ? Map.of() : m.listeners(), params, opt, lt);
    }
}
