package io.augment4j.spark;

import io.augment4j.api.AugmentException;
import io.augment4j.api.Sample;
import io.augment4j.api.batch.OutputNames;
import io.augment4j.api.batch.PathSeeds;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageReadOptions;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineCache;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.spec.Specs;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Augmentation of a {@code Dataset<Row>} of encoded images, for programs that stay in Spark, e.g. over the rows of
 * the {@code binaryFile} source:
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(dir);
 * Dataset<Row> out = SparkAugment.of(spec).copies(4).relativeTo(dir).apply(images);
 * }</pre>
 *
 * The input needs a string column {@code path} and a binary column {@code content}; other columns are ignored. Each
 * input row gives {@code copies} rows of {@link #OUTPUT_SCHEMA}: the input's {@code path}, the {@code copy} number,
 * the encoded output {@code bytes} (JPEG for {@code .jpg}/{@code .jpeg} inputs, PNG otherwise, as {@code aug apply}
 * names its outputs) and the {@code replay} record as JSON ({@link Pipeline#replayToJson}); or, for an input that
 * cannot be decoded, one row with {@code copy} -1, null bytes and replay, and an {@code error} naming the input and
 * the reason.
 *
 * <p>{@link #writeTo} instead writes the outputs to a folder of any Hadoop file system, named and encoded as
 * {@code aug apply} names and encodes them.
 *
 * <p>Copy {@code k} of the input whose path relative to {@link #relativeTo} is {@code rel} is drawn from
 * {@link PathSeeds#rngFor}{@code (seed, rel, k)}: the same bytes as {@code aug apply} writes for the same seed, whatever
 * the partitioning. Work runs in {@code mapPartitions}-style tasks; each executor JVM compiles the pipeline (and
 * loads OpenCV) once, through {@link PipelineCache}.
 */
public final class SparkAugment implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Columns of the output: path, copy, bytes, replay, error. */
    public static final StructType OUTPUT_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("copy", DataTypes.IntegerType, false)
            .add("bytes", DataTypes.BinaryType, true)
            .add("replay", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true);

    private final String specText;
    private final long seed;
    private final int copies;
    private final String root;
    private final long maxPixels;

    private SparkAugment(String specText, long seed, int copies, String root, long maxPixels) {
        this.specText = specText;
        this.seed = seed;
        this.copies = copies;
        this.root = root;
        this.maxPixels = maxPixels;
    }

    /** Augments with {@code spec}, seeded with its seed (0 when it has none), one copy per input. */
    public static SparkAugment of(PipelineSpec spec) {
        long s = spec.seed() != null ? spec.seed() : 0L;
        return new SparkAugment(Specs.toYaml(spec.withSeed(s)), s, 1, null, ImageFiles.DEFAULT_MAX_PIXELS);
    }

    /** Outputs per input, at least 1. */
    public SparkAugment copies(int n) {
        if (n < 1) {
            throw new AugmentException("copies must be at least 1, got " + n);
        }
        return new SparkAugment(specText, seed, n, root, maxPixels);
    }

    /** The seed, overriding the spec's. */
    public SparkAugment seed(long newSeed) {
        PipelineSpec spec = Specs.parse(specText, "spec").withSeed(newSeed);
        return new SparkAugment(Specs.toYaml(spec), newSeed, copies, root, maxPixels);
    }

    /**
     * The folder that relative paths, and so the outputs' generators and names, are taken from: a URI as the
     * {@code path} column spells it ({@code hdfs://nn/data/in}, {@code file:/data/in}), or a local absolute path
     * ({@code /data/in}, taken as {@code file:/data/in}, the {@code binaryFile} source's spelling). Without it, or for
     * paths outside it, the whole {@code path} is the key.
     */
    public SparkAugment relativeTo(String folder) {
        String f = folder.startsWith("/") ? "file:" + folder : folder.replaceFirst("^file:///", "file:/");
        String r = f.endsWith("/") ? f : f + "/";
        return new SparkAugment(specText, seed, copies, r, maxPixels);
    }

    /** The pixel limit per input image ({@link ImageReadOptions#maxPixels()}). */
    public SparkAugment maxPixels(long limit) {
        return new SparkAugment(specText, seed, copies, root, limit);
    }

    /** The relative path that keys {@code path}'s generators. */
    String relative(String path) {
        return root != null && path.startsWith(root) ? path.substring(root.length()) : path;
    }

    /** Augments {@code images} (columns {@code path}, {@code content}) lazily into rows of {@link #OUTPUT_SCHEMA}. */
    public Dataset<Row> apply(Dataset<Row> images) {
        SparkAugment self = this;
        return images.select("path", "content").flatMap(
                (FlatMapFunction<Row, Row>) row -> self.augment(row.getString(0), (byte[]) row.get(1)).iterator(),
                Encoders.row(OUTPUT_SCHEMA));
    }

    /** The output rows of one input. */
    List<Row> augment(String path, byte[] content) {
        List<Row> rows = new ArrayList<>(copies);
        try {
            Pipeline pipeline = PipelineCache.forSpec(specText);
            Sample sample = decode(path, content);
            String format = OutputNames.format(path);
            String rel = relative(path);
            for (int k = 0; k < copies; k++) {
                Applied a = pipeline.applyRecorded(sample, PathSeeds.rngFor(seed, rel, k));
                rows.add(RowFactory.create(path, k, ImageFiles.encode(a.sample().image(), format),
                        pipeline.replayToJson(a.replay()), null));
            }
        } catch (AugmentException e) {
            return List.of(RowFactory.create(path, -1, null, null, failure(path, e)));
        }
        return rows;
    }

    /** Columns of {@link #writeTo}'s result: path, copy, output, written, replay, error. */
    public static final StructType WRITTEN_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("copy", DataTypes.IntegerType, false)
            .add("output", DataTypes.StringType, true)
            .add("written", DataTypes.BooleanType, false)
            .add("replay", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true);

    /**
     * Augments {@code images} and writes the outputs under {@code outFolder} (any Hadoop file system URI: a local
     * path, {@code hdfs://}, {@code s3a://}), named as {@code aug apply} names them ({@link OutputNames}, from the
     * paths relative to {@link #relativeTo}), each written atomically through Hadoop's {@code FileSystem}. Outputs
     * that already exist are kept and not recomputed (a re-run resumes; {@code written} false, {@code replay} null);
     * a retried or speculative Spark task leaves no half file. Runs now (the driver first collects the input paths
     * to name the outputs) and returns one row of {@link #WRITTEN_SCHEMA} per output, or per input that failed
     * ({@code copy} -1, {@code error} naming it), for the caller's own record (e.g. a manifest).
     */
    public Dataset<Row> writeTo(Dataset<Row> images, String outFolder) {
        SparkSession spark = images.sparkSession();
        List<String> paths = new ArrayList<>(images.select("path").as(Encoders.STRING()).collectAsList());
        paths.sort(Comparator.comparing(this::relative));
        HashMap<String, List<String>> names = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        for (String p : paths) {
            List<String> n = new ArrayList<>(copies);
            for (int k = 0; k < copies; k++) {
                n.add(OutputNames.name(relative(p), k, claimed));
            }
            names.put(p, n);
        }
        Broadcast<HashMap<String, List<String>>> outputNames =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(names);
        HadoopFiles out = new HadoopFiles(outFolder, spark.sparkContext().hadoopConfiguration());
        SparkAugment self = this;
        try {
            List<Row> rows = images.select("path", "content").flatMap((FlatMapFunction<Row, Row>) row ->
                    self.write(row.getString(0), (byte[]) row.get(1), outputNames.value().get(row.getString(0)), out)
                            .iterator(), Encoders.row(WRITTEN_SCHEMA)).collectAsList();
            return spark.createDataFrame(rows, WRITTEN_SCHEMA);
        } finally {
            outputNames.destroy();
        }
    }

    /** Writes the missing outputs of one input; one row per output. */
    private List<Row> write(String path, byte[] content, List<String> outputs, HadoopFiles out) throws IOException {
        List<Row> rows = new ArrayList<>(copies);
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            if (out.exists(outputs.get(k))) {
                rows.add(RowFactory.create(path, k, out.target(outputs.get(k)).toString(), false, null, null));
            } else {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return rows;
        }
        try {
            Pipeline pipeline = PipelineCache.forSpec(specText);
            Sample sample = decode(path, content);
            String rel = relative(path);
            for (int k : missing) {
                String output = outputs.get(k);
                Applied a = pipeline.applyRecorded(sample, PathSeeds.rngFor(seed, rel, k));
                out.write(output, ImageFiles.encode(a.sample().image(), OutputNames.format(output)));
                rows.add(RowFactory.create(path, k, out.target(output).toString(), true,
                        pipeline.replayToJson(a.replay()), null));
            }
        } catch (AugmentException e) {
            return List.of(RowFactory.create(path, -1, null, false, null, failure(path, e)));
        }
        return rows;
    }

    private Sample decode(String path, byte[] content) {
        ImageReadOptions options = ImageReadOptions.DEFAULTS.withMaxPixels(maxPixels);
        return Sample.of(ImageFiles.decode(content == null ? new byte[0] : content, Path.of(path), options).image());
    }

    private static String failure(String path, AugmentException e) {
        String msg = e.getMessage();
        return msg.startsWith(path) ? msg : path + ": " + msg;
    }
}
