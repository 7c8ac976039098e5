package io.augment4j.examples;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import io.augment4j.api.io.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Example: augment every image of a folder from Java, reproducibly.
 *
 * <p>The loop is short: read an image, {@link Pipeline#apply(Sample, long)} it with a number that identifies it,
 * write the result. That number (with the pipeline's seed) decides everything the pipeline draws for the image, so
 * the same file always gets the same output, whatever order or thread it is processed in. {@code aug apply} is this
 * loop grown up: copies, threads, a manifest for replay, resuming after a crash, skipping bad files.
 *
 * <pre>
 * java -cp "samples/target/samples-0.1.0-SNAPSHOT.jar:samples/target/lib/*" io.augment4j.examples.ApplyFolder \
 *     samples/images target/augmented "hflip(p=0.5) | rotate(limit=15) | color_jitter"
 * </pre>
 */
public final class ApplyFolder {

    private ApplyFolder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ApplyFolder IN OUT SPEC   e.g. SPEC = \"hflip(p=0.5) | rotate(limit=15)\"");
            System.exit(2);
        }
        for (Path written : run(Path.of(args[0]), Path.of(args[1]), args[2])) {
            System.out.println("wrote " + written);
        }
    }

    /**
     * Augments every image file directly in {@code in} (PNG, JPEG, BMP, GIF; sub-folders are not visited) and writes
     * each result into {@code out} under the same name and format, except GIF: {@code x.gif} becomes {@code x.png}.
     *
     * @param in the input folder
     * @param out the output folder (created when missing); must not be {@code in}
     * @param inlineSpec the pipeline, in the one-line syntax ({@code Specs.read(path, registry)} reads a YAML file)
     * @return the files written, in name order
     */
    public static List<Path> run(Path in, Path out, String inlineSpec) throws IOException {
        TransformRegistry registry = TransformRegistry.discover();
        Pipeline pipeline = Pipeline.compile(InlineSpecs.parse(inlineSpec, registry), registry);

        List<Path> inputs;
        try (Stream<Path> files = Files.list(in)) {
            inputs = files.filter(f -> Files.isRegularFile(f) && ImageFiles.hasImageExtension(f))
                    .sorted().toList();
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Path file : inputs) {
            // The reader refuses what is not a usable image (empty, truncated, too many pixels) with an
            // ImageReadException naming the file; 16-bit and CMYK images are converted (see ImageFiles).
            ArrayImage image = ImageFiles.read(file).image();

            // The number that identifies this image: derived from its name, not from its position in the list,
            // so adding or removing other files changes nothing here. String.hashCode is fixed by the Java
            // specification: the same on every JVM and every run.
            String name = file.getFileName().toString();
            Sample result = pipeline.apply(Sample.of(image), name.hashCode());

            // The writer takes the format from the name: PNG, JPEG and BMP keep theirs; GIF, which it cannot
            // write, becomes PNG. Written atomically (a temporary file renamed into place): a crash never leaves
            // half an image.
            Path target = out.resolve(ImageFiles.extension(file).equals("gif")
                    ? name.substring(0, name.length() - ".gif".length()) + ".png" : name);
            ImageFiles.write(result.image(), target);
            written.add(target);
        }
        return written;
    }
}
