package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Native-memory long-run check: applies the 9-op pipeline ({@link BenchOps#pipeline9()}) many times to one image and
 * samples the process's resident set size ({@code VmRSS} in {@code /proc/self/status}) at fixed intervals. Every
 * intermediate {@code Mat} has one owner that releases it, so after warm-up RSS must stay flat; a leak of one
 * 224x224x3 buffer per call would add ~15 GB over 100 000 calls.
 *
 * <p>Run it with a fixed, pre-touched Java heap so that heap growth does not show up as RSS:
 * <pre>
 * java -Xms64m -Xmx64m -XX:+AlwaysPreTouch -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' \
 *     io.augment4j.benchmarks.RssSoak [--n 100000] [--every 5000] [--warmup 10000] [--size 224]
 *     [--mode heap|native] [--fuse true|false] [--input chelsea] [--max-drift 5]
 * </pre>
 * Prints the series and the drift of the last sample against the first sample at or after {@code --warmup}
 * applications, in percent; exits with status 1 when the drift is above {@code --max-drift}.
 */
public final class RssSoak {
    private RssSoak() {
    }

    public static void main(String[] args) throws IOException {
        long n = 100_000;
        long every = 5_000;
        long warmup = 10_000;
        int size = 224;
        String mode = "heap";
        boolean fuse = true;
        String input = "chelsea";
        double maxDrift = 5.0;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--n" -> n = Long.parseLong(v);
                case "--every" -> every = Long.parseLong(v);
                case "--warmup" -> warmup = Long.parseLong(v);
                case "--size" -> size = Integer.parseInt(v);
                case "--mode" -> mode = v;
                case "--fuse" -> fuse = Boolean.parseBoolean(v);
                case "--input" -> input = v;
                case "--max-drift" -> maxDrift = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; see the javadoc of RssSoak for the options");
            }
            i++;
        }
        if (!mode.equals("heap") && !mode.equals("native")) {
            throw new IllegalArgumentException("--mode must be heap or native, got " + mode);
        }
        Pipeline pipeline = Pipeline.compile(BenchOps.pipeline9(), TransformRegistry.discover(), fuse);
        ArrayImage image = Inputs.load(input, size);
        Sample heapInput = Sample.of(image);
        Sample nativeInput = Sample.of(MatImage.copyOf(image));
        boolean heap = mode.equals("heap");

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RssSoak: pipeline9 (fuse=%s), %dx%d, mode=%s, %d applications, RSS every %d;"
                        + " JVM heap max %d MB, committed %d MB%n", fuse, size, size, mode, n, every,
                rt.maxMemory() >> 20, rt.totalMemory() >> 20);
        System.out.printf(Locale.ROOT, "%10s %10s %10s %12s%n", "applied", "RSS MB", "heap MB", "images/s");
        long start = System.nanoTime();
        long lastT = start;
        System.out.printf(Locale.ROOT, "%10d %10.1f %10.1f %12s%n", 0, rssKb() / 1024.0, usedHeapMb(rt), "-");
        List<long[]> series = new ArrayList<>();
        long checksum = 0;
        for (long i = 1; i <= n; i++) {
            if (heap) {
                Sample out = pipeline.apply(heapInput, i);
                checksum += out.image().height();
            } else {
                Sample out = pipeline.applyNative(nativeInput, Rng.forSample(BenchOps.SEED, i));
                checksum += out.image().height();
                if (out != nativeInput) {
                    out.close();
                }
            }
            if (i % every == 0 || i == n) {
                long now = System.nanoTime();
                long rss = rssKb();
                series.add(new long[] {i, rss});
                long batch = i % every == 0 ? every : i % every;
                System.out.printf(Locale.ROOT, "%10d %10.1f %10.1f %12.0f%n", i, rss / 1024.0, usedHeapMb(rt),
                        batch / ((now - lastT) / 1e9));
                lastT = now;
            }
        }
        nativeInput.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        long baseAt = Math.min(warmup, series.get(series.size() - 1)[0]);
        long[] base = series.stream().filter(s -> s[0] >= baseAt).findFirst().orElseThrow();
        long[] last = series.get(series.size() - 1);
        long max = series.stream().filter(s -> s[0] >= base[0]).mapToLong(s -> s[1]).max().orElseThrow();
        double drift = 100.0 * (last[1] - base[1]) / base[1];
        double maxAbove = 100.0 * (max - base[1]) / base[1];
        System.out.printf(Locale.ROOT, "done: %d applications in %.1f s (%.0f images/s), checksum %d%n", n, seconds,
                n / seconds, checksum);
        System.out.printf(Locale.ROOT, "RSS after warm-up (at %d): %.1f MB; last (at %d): %.1f MB; drift %+.2f %%"
                        + " (%+.1f MB, %+.2f kB per 1000 applications); max after warm-up %+.2f %%%n", base[0],
                base[1] / 1024.0, last[0], last[1] / 1024.0, drift, (last[1] - base[1]) / 1024.0,
                last[0] == base[0] ? 0.0 : (last[1] - base[1]) * 1000.0 / (last[0] - base[0]), maxAbove);
        if (drift > maxDrift) {
            System.out.printf(Locale.ROOT, "FAIL: drift %+.2f %% is above --max-drift %.1f %%%n", drift, maxDrift);
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "OK: drift within %.1f %%%n", maxDrift);
    }

    private static double usedHeapMb(Runtime rt) {
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** VmRSS of this process in kB (Linux). */
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status (Linux only)");
    }
}
