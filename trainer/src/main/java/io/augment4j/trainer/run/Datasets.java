package io.augment4j.trainer.run;

import io.augment4j.trainer.config.DataConfig;
import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.data.ConcatImageSet;
import io.augment4j.trainer.data.FolderImageSet;
import io.augment4j.trainer.data.IdxFiles;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.SubsetImageSet;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads the {@code data:} section into one {@link ImageSet}: train examples first, then the test set if any. */
final class Datasets {

    /**
     * @param all train examples, then test examples
     * @param trainCount how many of {@code all} come from the train data
     * @param testCount how many come from the data's own test set (0 when it has none)
     */
    record Loaded(ImageSet all, int trainCount, int testCount) {}

    private Datasets() {}

    static Loaded load(DataConfig d, long seed) {
        try {
            ImageSet train;
            ImageSet test = null;
            if (d.type() == DataConfig.Type.IDX) {
                ArrayImageSet tr = IdxFiles.load(Path.of(d.trainImages()), Path.of(d.trainLabels()), 0, null);
                ArrayImageSet te = d.testImages() == null ? null
                        : IdxFiles.load(Path.of(d.testImages()), Path.of(d.testLabels()), 0, null);
                List<String> names = d.classNames();
                int maxLabel = Math.max(max(tr.labels()), te == null ? -1 : max(te.labels()));
                if (names == null) {
                    names = new ArrayList<>();
                    for (int k = 0; k <= maxLabel; k++) {
                        names.add(Integer.toString(k));
                    }
                } else if (maxLabel >= names.size()) {
                    throw new RunException("data.class_names has " + names.size() + " names but the labels go up to "
                            + maxLabel + ": give one name per class");
                }
                train = new Named(tr, names);
                test = te == null ? null : new Named(te, names);
            } else {
                FolderImageSet tr = FolderImageSet.open(Path.of(d.root()), d.height(), d.width(), d.channels());
                train = d.classNames() == null ? tr : new Named(tr, d.classNames());
                if (d.testRoot() != null) {
                    FolderImageSet te = FolderImageSet.open(Path.of(d.testRoot()), d.height(), d.width(),
                            d.channels());
                    if (!te.classNames().equals(tr.classNames())) {
                        throw new RunException("data.test_root has the classes " + te.classNames()
                                + " but data.root has " + tr.classNames() + ": they must be the same");
                    }
                    test = d.classNames() == null ? te : new Named(te, d.classNames());
                }
            }
            train = limit(train, d.limit(), seed, "data.limit");
            if (test != null) {
                test = limit(test, d.testLimit(), seed + 1, "data.test_limit");
            }
            ImageSet all = test == null ? train : new ConcatImageSet(train, test);
            return new Loaded(all, train.size(), test == null ? 0 : test.size());
        } catch (IOException e) {
            throw new RunException("cannot read the data: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RunException("the data is not usable: " + e.getMessage(), e);
        }
    }

    /** A seeded, stratified sample of {@code limit} examples (all when limit is 0 or larger than the set). */
    static ImageSet limit(ImageSet set, int limit, long seed, String field) {
        if (limit <= 0 || limit >= set.size()) {
            return set;
        }
        int[] labels = set.labels();
        int classes = (int) Arrays.stream(labels).distinct().count();
        if (limit < classes) {
            // The stratified sample keeps every class: fewer examples than classes cannot do that.
            throw new RunException(field + " = " + limit + " is smaller than the number of classes (" + classes
                    + "): a stratified sample keeps at least one example of every class; use " + classes
                    + " or more");
        }
        // Hold out everything but `limit` examples, stratified; keep the "train" part.
        int[] keep = StratifiedSplitter.split(labels, SplitSpec.sizes(set.size() - limit, 0, seed)).train();
        Arrays.sort(keep);
        return new SubsetImageSet(set, keep);
    }

    private static int max(int[] a) {
        int m = -1;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Another set with class names replaced. */
    private record Named(ImageSet base, List<String> names) implements ImageSet {
        @Override
        public int size() {
            return base.size();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public List<String> classNames() {
            return names;
        }

        @Override
        public int label(int index) {
            return base.label(index);
        }

        @Override
        public void image(int index, float[] dst) {
            base.image(index, dst);
        }

        @Override
        public String describe(int index) {
            return base.describe(index);
        }

        @Override
        public int[] labels() {
            return base.labels();
        }
    }
}
