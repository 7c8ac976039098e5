package io.augment4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.augment4j.trainer.TinyData;
import io.augment4j.trainer.loader.BatchLoader;
import org.junit.jupiter.api.Test;

class DjlImageDatasetTest {

    @Test
    void djlBatchesMatchOurLoader() throws Exception {
        ArrayImageSet data = TinyData.bands(40, 2, 4, 3, 20, 2);
        int[] idx = {3, 5, 7, 11, 13, 17};
        Normalization n = Normalization.fit(data, idx);
        DjlImageDataset ds = DjlImageDataset.builder().data(data, idx).normalization(n)
                .setSampling(6, false).build();
        assertEquals(6, ds.size());
        try (NDManager m = NDManager.newBaseManager();
                BatchLoader ours = new BatchLoader(data, idx, 6, false, 0, null, n, 0, 1)) {
            Batch b = ds.getData(m).iterator().next();
            io.augment4j.trainer.loader.HostBatch mine = ours.epoch(0).next();
            assertArrayEquals(mine.data(), b.getData().singletonOrThrow().toFloatArray(), 1e-6f);
            assertArrayEquals(mine.labels(), b.getLabels().singletonOrThrow().toLongArray());
            b.close();
        }
    }
}
