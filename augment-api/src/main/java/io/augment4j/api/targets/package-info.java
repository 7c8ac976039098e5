/**
 * Boxes and keypoints riding along with an image: formats at the edge ({@link io.augment4j.api.targets.BoxFormat}),
 * moving them through a transform's map ({@link io.augment4j.api.targets.TargetMover}), and the one filtering policy
 * a pipeline applies ({@link io.augment4j.api.targets.TargetOptions}).
 *
 * <p><b>Coordinates.</b> Continuous pixel coordinates everywhere inside: {@code x} to the right, {@code y} down,
 * pixel {@code i} covers {@code [i, i + 1)}. A box over the whole {@code W x H} image is {@code (0, 0, W, H)}; a
 * horizontal flip maps a box edge {@code x} to {@code W - x}. The centre of pixel {@code i} is {@code i + 0.5}, so a
 * keypoint given as a pixel index {@code i} (Albumentations' {@code xy}) is stored as {@code i + 0.5} and a flip maps
 * it to pixel index {@code W - 1 - i}, as Albumentations expects.
 */
package io.augment4j.api.targets;
