package io.augment4j.api.pipeline;

import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.geometry.ImageShape;
import io.augment4j.api.geometry.Matrices;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.targets.BoxMethod;
import io.augment4j.api.targets.TargetMover;

import java.util.List;

/**
 * Consecutive {@link FusableWarp} steps of a sequence run as one warp: each step draws its {@code p} and parameters
 * exactly as it would alone (same generator splits, so the sampled parameters and the replay are identical to an
 * unfused run), the matrices are multiplied, and the image is resampled once. When only one step of the run is
 * applied, it runs on its own (e.g. a plain flip keeps its fast, exact path).
 *
 * <p>Boxes and keypoints move step by step through each step's own matrix and box method (so a box rotated twice
 * grows twice, as unfused), labels are swapped at each mirroring step, and the pipeline's target policy filters them
 * once, after the run: the fused image keeps whatever an intermediate step would have cut off and a later step
 * brings back into view, and so do its boxes and keypoints. Fused and unfused runs therefore give the same boxes
 * and keypoints (to rounding) unless one leaves the frame of an intermediate step.
 */
final class FusedWarpRun {
    private final List<CompiledStep> steps;

    FusedWarpRun(List<CompiledStep> steps) {
        this.steps = List.copyOf(steps);
    }

    int size() {
        return steps.size();
    }

    /** Runs the steps; {@code replays} (may be null) receives one replay per step. */
    Sample run(Sample in, Rng rng, List<Replay> replays) {
        Object[] params = new Object[steps.size()];
        Sample view = in;
        for (int i = 0; i < steps.size(); i++) {
            CompiledStep step = steps.get(i);
            Rng r = rng.split();
            boolean applied = !(step.p < 1.0 && r.nextDouble() >= step.p);
            Replay.Size size = Replay.Size.of(view.image());
            if (applied) {
                step.checkTargets(in);
                params[i] = step.sampleChecked(view, r);
                ProjectiveParams pp = (ProjectiveParams) params[i];
                view = Sample.of(new ImageShape(pp.outputHeight(), pp.outputWidth(), in.image().channels(),
                        in.image().pixelType()));
            }
            if (replays != null) {
                replays.add(applied ? new Replay.OfStep(step.name(), true, params[i], size) : step.skipped());
            }
        }
        return warp(in, params);
    }

    /** Re-applies recorded parameters, fused the same way as {@link #run}. */
    Sample replay(Sample in, List<Replay> recorded) {
        Object[] params = new Object[steps.size()];
        Replay.Size size = Replay.Size.of(in.image());
        for (int i = 0; i < steps.size(); i++) {
            CompiledStep step = steps.get(i);
            Replay.OfStep r = step.expect(recorded.get(i), Replay.OfStep.class);
            if (!r.transform().equals(step.name())) {
                throw new AugmentException("replay record is for transform '" + r.transform()
                        + "' but the pipeline has '" + step.name() + "' here");
            }
            if (r.applied()) {
                step.checkReplayed(r, size);
                step.checkTargets(in);
                params[i] = r.params();
                ProjectiveParams pp = (ProjectiveParams) params[i];
                size = new Replay.Size(pp.outputHeight(), pp.outputWidth());
            }
        }
        return warp(in, params);
    }

    private Sample warp(Sample in, Object[] params) {
        int applied = 0;
        int last = -1;
        double[] m = Matrices.identity();
        for (int i = 0; i < params.length; i++) {
            if (params[i] != null) {
                applied++;
                last = i;
                m = Matrices.multiply(((ProjectiveParams) params[i]).matrix(), m);
            }
        }
        if (applied == 0) {
            return in;
        }
        if (applied == 1) {
            CompiledStep only = steps.get(last);
            return only.finishTargets(only.applyChecked(in, params[last]), params[last]);
        }
        ProjectiveParams out = (ProjectiveParams) params[last];
        // The warp runs with the run's settings: those of any applied step that has some (they all agree).
        CompiledStep step = steps.get(last);
        for (int i = 0; i < params.length; i++) {
            if (params[i] != null && steps.get(i).warpSettings() != null) {
                step = steps.get(i);
            }
        }
        try {
            Sample s = ((FusableWarp<?>) step.transform()).warp(in, m, out.outputWidth(), out.outputHeight());
            if (s == null) {
                throw new IllegalStateException("warp returned null");
            }
            if (in.boxes().isEmpty() && in.keypoints().isEmpty()) {
                return s;
            }
            Sample t = followSteps(in, params);
            return s.withBoxes(t.boxes()).withKeypoints(t.keypoints());
        } catch (AugmentException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw step.failure("applying a fused warp of " + applied + " steps", in, e);
        }
    }

    /** The input's boxes and keypoints moved through each applied step in turn, then filtered once. */
    private Sample followSteps(Sample in, Object[] params) {
        Sample cur = Sample.of(ImageShape.of(in.image())).withBoxes(in.boxes()).withKeypoints(in.keypoints());
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                continue;
            }
            CompiledStep step = steps.get(i);
            ProjectiveParams pp = (ProjectiveParams) params[i];
            Sample next = Sample.of(new ImageShape(pp.outputHeight(), pp.outputWidth(), in.image().channels(),
                    in.image().pixelType()));
            BoxMethod method = ((FusableWarp<?>) step.transform()).boxMethod();
            cur = TargetMover.follow(cur, next, pp.matrix(), method);
            if (CompiledStep.mirrors(pp.matrix())) {
                cur = step.options().swapLabels(cur);
            }
        }
        return steps.get(0).options().filter(cur);
    }
}
