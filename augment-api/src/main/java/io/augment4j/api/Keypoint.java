package io.augment4j.api;

/**
 * A point in pixel coordinates ({@code x} to the right, {@code y} down).
 *
 * @param x column coordinate
 * @param y row coordinate
 * @param label a name such as {@code "left_eye"}, or {@code null}
 */
public record Keypoint(double x, double y, String label) {
}
