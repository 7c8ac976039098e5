package io.augment4j.api.batch;

import io.augment4j.api.Rng;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random generator of each output of a batch over files, derived from the input's relative path, never from
 * its position, thread, partition or machine: copy {@code k} of input {@code rel} uses
 * {@code Rng.of(seed, key(rel), k)}. Every engine (local threads, Spark) therefore writes the same bytes.
 */
public final class PathSeeds {
    private PathSeeds() {
    }

    /** The 64-bit key of a relative input path ('/' separators): the first 8 bytes of its UTF-8 SHA-256. */
    public static long key(String rel) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(rel.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generator of copy {@code copy} of input {@code rel} in a run seeded with {@code seed}. */
    public static Rng rngFor(long seed, String rel, int copy) {
        return Rng.of(seed, key(rel), copy);
    }
}
