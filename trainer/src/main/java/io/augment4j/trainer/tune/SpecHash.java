package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The spec hash a study's journal header records, so that a resume (and {@code --final --full})
 * can tell whether the study file still describes the study that was started.
 */
final class SpecHash {

    private SpecHash() {}

    /**
     * @param spec a study
     * @return a hash of what fixes its trials: base config (or "objective"), seed, monitor,
     *     direction, and the sampler's and pruner's kinds (not the trial count, which a resume may raise)
     */
    static String of(StudySpec spec) {
        String s = (spec.objectiveStudy() ? "objective" : spec.base().toString()) + "|" + spec.seed() + "|"
                + spec.monitor() + "|" + spec.direction() + "|" + spec.sampler().getClass().getName() + "|"
                + (spec.pruner() == null ? "-" : spec.pruner().getClass().getName());
        return sha(s);
    }

    /**
     * @param header a journal header
     * @param spec a study
     * @return whether the header's spec hash is the spec's
     */
    static boolean matches(ObjectNode header, StudySpec spec) {
        return header.path("spec_hash").asText().equals(of(spec));
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
