package io.augment4j.opencv.noise;

import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;
import org.opencv.core.Scalar;

import java.util.Arrays;

/** A fill colour given as one value (every channel) or one value per channel. */
record Fill(double[] values) {
    Fill {
        values = values.clone();
    }

    void check(String transform, Image img) {
        if (values.length != 1 && values.length != img.channels()) {
            throw new ImageFormatException("transform '" + transform + "': fill " + Arrays.toString(values)
                    + " has " + values.length + " values but the image has " + img.channels()
                    + " channels; give one value or one per channel");
        }
    }

    Scalar scalar(int cn) {
        double[] v = new double[4];
        for (int c = 0; c < cn; c++) {
            v[c] = values.length == 1 ? values[0] : values[c];
        }
        return new Scalar(v);
    }
}
