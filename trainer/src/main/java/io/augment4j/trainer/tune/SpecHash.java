package io.augment4j.trainer.tune;

import com.google.common.hash.Hashing;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The spec hash a study's journal header records, so that a resume (and {@code --final --full})
 * can tell whether the study file still describes the study that was started.
 *
 * <p>It covers everything that decides which trials run and how they are judged: the base config
 * (with the study's overrides), the seed, the monitor and its direction, the search space (every
 * path with its distribution and range or values), the sampler with its settings (coarse-to-fine:
 * rounds, round size, top k) and the pruner with its settings. Not covered: the trial count (a
 * resume may raise it; a coarse-to-fine study's round size, which the study file's {@code trials}
 * fixes, is covered), the study's name, and the order of the {@code search:} entries for random
 * and coarse-to-fine search (each parameter draws from its own generator, keyed by its path), while
 * a grid's order counts (it fixes which point each trial gets). A sampler or pruner of the
 * caller's own counts by its class name, and by its components when it is a record.
 *
 * <p>A journal written before the search space was covered holds a hash without the {@code 2:}
 * prefix; it is checked as it was made (base config, seed, monitor, direction, the sampler's and
 * pruner's kinds), so such a study still resumes.
 */
final class SpecHash {

    private static final String VERSION = "2:";

    private SpecHash() {}

    /**
     * @param spec a study
     * @return its hash, {@code 2:} and 16 hex digits
     */
    static String of(StudySpec spec) {
        return VERSION + sha(describe(spec));
    }

    /**
     * @param header a journal header
     * @param spec a study
     * @return whether the header's spec hash is the spec's (as the hash was made when the study began)
     */
    static boolean matches(ObjectNode header, StudySpec spec) {
        String h = header.path("spec_hash").asText();
        return h.startsWith(VERSION) ? h.equals(of(spec)) : h.equals(legacy(spec));
    }

    /** @return what the hash covers, as text */
    static String describe(StudySpec spec) {
        return String.join("|", spec.objectiveStudy() ? "objective" : spec.base().toString(),
                Long.toString(spec.seed()), spec.monitor(), spec.direction().name(), sampler(spec.sampler()),
                pruner(spec.pruner()));
    }

    private static String sampler(Sampler s) {
        if (s instanceof RandomSampler r) {
            return "random " + unordered(r.space());
        }
        if (s instanceof GridSampler g) {
            return "grid " + g.space().entries();
        }
        if (s instanceof CoarseToFineSampler c) {
            return "coarse_to_fine rounds " + c.rounds() + " round_size " + c.roundSize() + " top_k " + c.topK() + " "
                    + unordered(c.space(0, List.of()));
        }
        return own(s);
    }

    private static String pruner(Pruner p) {
        if (p == null) {
            return "none";
        }
        if (p instanceof AshaPruner a) {
            return "asha min_epochs " + a.minEpochs() + " reduction_factor " + a.reductionFactor();
        }
        if (p instanceof MedianPruner m) {
            return "median startup_trials " + m.startupTrials() + " warmup_epochs " + m.warmupEpochs();
        }
        return own(p);
    }

    /** The entries sorted by path: their order does not change what a trial draws. */
    private static String unordered(SearchSpace space) {
        Map<String, Distribution> sorted = new TreeMap<>(space.entries());
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A caller's own sampler or pruner: a record by its values, a class by its name. */
    private static String own(Object o) {
        return o instanceof Record ? o.getClass().getName() + o : o.getClass().getName();
    }

    /** The hash of journals written before the search space was covered. */
    private static String legacy(StudySpec spec) {
        return sha((spec.objectiveStudy() ? "objective" : spec.base().toString()) + "|" + spec.seed() + "|"
                + spec.monitor() + "|" + spec.direction() + "|" + spec.sampler().getClass().getName() + "|"
                + (spec.pruner() == null ? "-" : spec.pruner().getClass().getName()));
    }

    private static String sha(String s) {
        return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString().substring(0, 16);
    }
}
