package io.augment4j.api.targets;

import java.util.Locale;

/**
 * How a box is rebuilt after a map that does not keep edges axis-aligned (a rotation, a shear, a perspective tilt).
 */
public enum BoxMethod {
    /**
     * The box enclosing the 4 moved corners: it contains everything the box contained, but grows with the angle
     * (by up to 41 % per side at 45 degrees).
     */
    CORNERS,
    /**
     * The box enclosing the moved ellipse inscribed in the box, as Albumentations' {@code rotate_method="ellipse"}:
     * tighter for round objects, and it may cut off an object's corners.
     */
    ELLIPSE;

    /** {@code corners} or {@code ellipse}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code id}. */
    public static BoxMethod of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
