package io.augment4j.api.batch;

import java.util.Locale;
import java.util.Set;

/**
 * How a batch names its outputs: copy {@code k} of {@code dir/stem.ext} is {@code dir/stem_aug<k>.<ext>}, keeping
 * {@code .jpg}/{@code .jpeg}/{@code .png} (and so the format) and writing PNG for other formats. Names are given in
 * the inputs' sorted order; a name already claimed (case-insensitively, e.g. by {@code a.png} before {@code a.bmp})
 * becomes {@code dir/stem_<ext>_aug<k>.png}.
 */
public final class OutputNames {
    private OutputNames() {
    }

    /** The output path of copy {@code k} of the relative input path {@code rel}, recording it in {@code claimed}. */
    public static String name(String rel, int k, Set<String> claimed) {
        int slash = rel.lastIndexOf('/');
        String dir = slash < 0 ? "" : rel.substring(0, slash + 1);
        String name = rel.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        String ext = dot <= 0 ? "" : name.substring(dot + 1);
        String lower = ext.toLowerCase(Locale.ROOT);
        String outExt = lower.equals("jpg") || lower.equals("jpeg") || lower.equals("png") ? ext : "png";
        String candidate = dir + stem + "_aug" + k + "." + outExt;
        if (!claimed.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = dir + stem + "_" + lower + "_aug" + k + "." + outExt;
            claimed.add(candidate.toLowerCase(Locale.ROOT));
        }
        return candidate;
    }

    /** The format an output named {@code output} is written in: {@code jpeg} or {@code png}. */
    public static String format(String output) {
        String p = output.toLowerCase(Locale.ROOT);
        return p.endsWith(".jpg") || p.endsWith(".jpeg") ? "jpeg" : "png";
    }
}
