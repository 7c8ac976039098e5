package io.augment4j.cli;

import io.augment4j.api.AugmentException;
import io.augment4j.api.Sample;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Replay;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;
import io.augment4j.cli.labels.CocoLabels;
import io.augment4j.cli.labels.ImageLabels;
import io.augment4j.cli.labels.LabelFormat;
import io.augment4j.cli.labels.MissingLabels;
import io.augment4j.cli.labels.VocLabels;
import io.augment4j.cli.labels.YoloLabels;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code aug replay}: re-creates one output of {@code aug apply} exactly, from its manifest entry. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-create one output of 'aug apply' exactly, from the parameters its manifest entry recorded.",
                "Without --out the output is written back to its place in the manifest's folder. An output made",
                "with --labels yolo or voc gets its label file re-created beside it too; with coco, --check",
                "compares the re-created annotations with those the manifest recorded."},
        footer = {"", "Example:",
                "  aug replay --manifest target/augmented/manifest.jsonl --entry cats/a_aug0.png --check"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The manifest of an 'aug apply' run.")
    Path manifest;

    @Option(names = "--entry", required = true, paramLabel = "OUTPUT",
            description = "The output to re-create: its path as the manifest writes it (e.g. cats/a_aug0.png), "
                    + "or the manifest line number.")
    String entry;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of the output's own place.")
    Path out;

    @Option(names = "--check", description = "Do not write: compare the re-created output with the existing file; "
            + "exit 1 if they differ.")
    boolean check;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "The spec of the run (default: aug-spec.yaml beside the manifest).")
    String specArg;

    @Mixin
    MaxPixelsOption maxPixels;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path manifestFile = manifest.toAbsolutePath().normalize();
        if (!Files.isRegularFile(manifestFile)) {
            throw new UsageException("manifest " + manifestFile + " does not exist");
        }
        Path root = manifestFile.getParent();
        Manifest.Contents contents = Manifest.read(manifestFile);
        Manifest.Entry e = find(contents, manifestFile);

        TransformRegistry registry = Registries.discover(spec, err);
        PipelineSpec pipelineSpec = specArg != null ? SpecLoader.load(specArg, registry)
                : Specs.read(root.resolve(ApplyRun.SPEC_FILE), registry);
        Pipeline pipeline = Pipeline.compile(pipelineSpec, registry);
        Replay replay = pipeline.replayFromJson(e.replay());

        Path recorded = SafePaths.resolveInside(root, e.output());
        Path target = out != null ? out.toAbsolutePath().normalize() : recorded;
        ImageFiles.Decoded decoded = ImageFiles.read(Path.of(e.source()), maxPixels.readOptions());
        Sample input = Sample.of(decoded.image());
        LabelFormat labels = labelFormat(e);
        if (labels != null) {
            ImageLabels read = labels.read(Path.of(e.source()), e.input(), decoded.image().width(),
                    decoded.image().height());
            input = input.withBoxes(read.boxes()).withKeypoints(read.keypoints());
        }
        Sample result;
        try {
            result = pipeline.replay(input, replay);
        } catch (TransformFailedException ex) {
            throw ex.on(e.source());
        } catch (AugmentException ex) {
            // e.g. the source was replaced by an image of another size since the manifest was written
            throw new UsageException(e.source() + " (source of " + e.output() + "): " + ex.getMessage(), ex);
        }
        String format = ImageFiles.formatFor(recorded);

        if (check) {
            if (!Files.isRegularFile(recorded)) {
                throw new UsageException("--check: " + recorded + " does not exist to compare with");
            }
            try {
                Path tmp = Files.createTempFile("aug-replay", "." + ImageFiles.extension(recorded));
                try {
                    ImageFiles.write(result.image(), format, tmp);
                    boolean same = Arrays.equals(Files.readAllBytes(tmp), Files.readAllBytes(recorded));
                    stdout.println((same ? "identical: " : "DIFFERENT: ") + recorded + " re-created from line "
                            + e.line() + " of " + manifestFile);
                    if (labels != null) {
                        boolean sameLabels = sameLabels(labels, recorded, result, e);
                        Path sidecar = labels.sidecar(recorded);
                        stdout.println((sameLabels ? "identical: " : "DIFFERENT: ") + (sidecar != null ? sidecar
                                : "the " + labels.id() + " annotations recorded for " + e.output()));
                        same &= sameLabels;
                    }
                    return same ? ExitCodes.OK : ExitCodes.INPUT_FAILED;
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ex) {
                throw new UsageException("--check: cannot compare with " + recorded + ": " + IoErrors.reason(ex), ex);
            }
        }
        if (out == null) {
            SafePaths.createParentInside(root, target);
        } else {
            PreviewCommand.prepareOutput(target);
        }
        Path sidecar = labels == null ? null : labels.sidecar(target);
        if (sidecar != null) {
            try {
                AtomicFiles.write(sidecar, AtomicFiles.Sync.NONE, o -> o.write(labels.render(target, result)));
            } catch (IOException ex) {
                throw new UsageException("cannot write " + sidecar + ": " + IoErrors.reason(ex), ex);
            }
        }
        ImageFiles.write(result.image(), format, target);
        stdout.println("re-created " + e.output() + " from " + e.source() + " -> " + target
                + (sidecar != null ? " and " + sidecar.getFileName() : ""));
        return ExitCodes.OK;
    }

    /** The label format an entry was made with, reading what it read; {@code null} for an image alone. */
    private static LabelFormat labelFormat(Manifest.Entry e) {
        Manifest.Labels l = e.labels();
        if (l == null) {
            return null;
        }
        // an input whose label file was missing (allowed) had no boxes; one that had boxes must still have them
        MissingLabels missing = l.boxesKept() + l.boxesDropped() + l.keypointsKept() + l.keypointsDropped() == 0
                ? MissingLabels.EMPTY : MissingLabels.ERROR;
        return switch (l.format()) {
            case "yolo" -> new YoloLabels(missing);
            case "voc" -> new VocLabels(missing);
            case "coco" -> CocoLabels.load(Path.of(l.source()), missing);
            default -> throw new UsageException("manifest line " + e.line() + ": unknown label format '"
                    + l.format() + "'");
        };
    }

    private static boolean sameLabels(LabelFormat labels, Path recorded, Sample result, Manifest.Entry e)
            throws IOException {
        Path sidecar = labels.sidecar(recorded);
        if (sidecar != null) {
            return Files.isRegularFile(sidecar)
                    && Arrays.equals(labels.render(recorded, result), Files.readAllBytes(sidecar));
        }
        ObjectMapper json = new ObjectMapper();
        return json.readTree(labels.record(result)).equals(json.readTree(e.labels().coco()));
    }

    private Manifest.Entry find(Manifest.Contents contents, Path manifestFile) {
        String wanted = entry.strip().replace('\\', '/');
        Manifest.Entry e = contents.entries().get(wanted);
        if (e != null) {
            return e;
        }
        if (wanted.matches("#?\\d+")) {
            int line = Integer.parseInt(wanted.replace("#", ""));
            for (Manifest.Entry x : contents.entries().values()) {
                if (x.line() == line) {
                    return x;
                }
            }
            throw new UsageException("line " + line + " of " + manifestFile + " is not a (current) manifest entry");
        }
        throw new UsageException("no entry for output '" + entry + "' in " + manifestFile + " ("
                + contents.entries().size() + " entries; outputs are written relative to the manifest's folder, "
                + "e.g. " + contents.entries().keySet().stream().findFirst().orElse("cats/a_aug0.png") + ")");
    }
}
