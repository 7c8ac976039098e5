package io.augment4j.api.registry;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Nearest-name suggestions for "did you mean" messages. */
public final class Names {
    private Names() {
    }

    /** Up to three candidates within a small edit distance of {@code wanted}, nearest first. */
    public static List<String> nearest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        return candidates.stream()
                .map(c -> new Scored(c, score(w, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= limit)
                .sorted(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.name))
                .limit(3)
                .map(s -> s.name)
                .toList();
    }

    private record Scored(String name, int distance) {
    }

    private static int score(String wanted, String candidate) {
        // A namespaced plugin name ("acme.fog") should match a bare "fog" as well.
        int d = distance(wanted, candidate);
        int dot = candidate.lastIndexOf('.');
        if (dot >= 0) {
            d = Math.min(d, distance(wanted, candidate.substring(dot + 1)));
        }
        if (candidate.startsWith(wanted) || candidate.contains(wanted)) {
            d = Math.min(d, 1);
        }
        return d;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
