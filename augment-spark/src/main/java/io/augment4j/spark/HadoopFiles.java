package io.augment4j.spark;

import io.augment4j.api.io.AtomicFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files under one output folder of any Hadoop file system (local paths, HDFS, S3 through s3a), written all or
 * nothing: the bytes go to a temporary sibling named like {@link AtomicFiles}' ({@code .<name>.<hex>.aug-tmp}),
 * which is then renamed onto the target. A writer that finds the target already there (a retried or speculative
 * attempt, or a concurrent writer of the same output) keeps it: outputs are deterministic, so it holds the same
 * bytes. Local folders get no {@code .crc} side files. Serializable: executors rebuild the file system from the
 * driver's Hadoop settings.
 */
final class HadoopFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String folder;
    private final HashMap<String, String> settings;
    private transient FileSystem fs;

    HadoopFiles(String folder, Configuration conf) {
        this.folder = folder;
        this.settings = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            settings.put(e.getKey(), e.getValue());
        }
    }

    private FileSystem fs() throws IOException {
        if (fs == null) {
            Configuration conf = new Configuration(false);
            settings.forEach(conf::set);
            FileSystem f = new Path(folder).getFileSystem(conf);
            fs = f instanceof ChecksumFileSystem c ? c.getRawFileSystem() : f;
        }
        return fs;
    }

    /** The full name of {@code rel} in the folder. */
    Path target(String rel) {
        return new Path(new Path(folder), rel);
    }

    /** Whether {@code rel} exists (complete, since files appear only by rename). */
    boolean exists(String rel) throws IOException {
        return fs().exists(target(rel));
    }

    /** Writes {@code bytes} to {@code rel} atomically, creating its folders. */
    void write(String rel, byte[] bytes) throws IOException {
        FileSystem f = fs();
        Path target = target(rel);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + AtomicFiles.TEMP_SUFFIX);
        boolean done = false;
        try {
            f.mkdirs(target.getParent());
            try (FSDataOutputStream out = f.create(tmp, false)) {
                out.write(bytes);
            }
            if (!f.rename(tmp, target) && !f.exists(target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
            done = true;
        } finally {
            try {
                f.delete(tmp, false);
            } catch (IOException e) {
                if (done) {
                    throw e;
                }
                // the original failure matters more
            }
        }
    }
}
