#!/usr/bin/python3
"""Python OpenCV (cv2) baseline for augment4j's JMH benchmarks.

Measures single-thread throughput (images/second) of common augmentation ops
written the way a competent Python user would write them with plain cv2/numpy
(no Albumentations): each call draws its random parameters from a seeded
numpy Generator and allocates its output.  See README.md for the exact op
definitions the Java side must match.

Run through run.sh (it sets GLIBC_TUNABLES, cv2's fastest case) or:
    GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432 \
        /usr/bin/python3 bench_cv2.py --sizes 224,512 --seconds 2 --json out.json
"""
import argparse
import json
import math
import os
import platform
import sys
import time

import cv2
import numpy as np

SEED = 0
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
BORDER = cv2.BORDER_REFLECT_101
LINEAR = cv2.INTER_LINEAR


# --------------------------------------------------------------------------
# Input image
# --------------------------------------------------------------------------

def synthetic_image(size, seed=SEED):
    """Deterministic photo-like RGB uint8 image: smooth gradients, blurred
    shapes, a little texture noise."""
    rng = np.random.default_rng(seed)
    h = w = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    x /= w
    y /= h
    r = 60 + 150 * x + 30 * np.sin(6.0 * y)
    g = 40 + 120 * y + 40 * np.cos(5.0 * x + 2.0 * y)
    b = 90 + 80 * (1 - x) * y + 30 * np.sin(9.0 * x * y)
    img = np.clip(np.dstack([r, g, b]), 0, 255).astype(np.uint8)
    for _ in range(12):
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            c = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.circle(img, c, int(rng.integers(size // 20, size // 5)), color, -1, cv2.LINE_AA)
        else:
            p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            p2 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.rectangle(img, p1, p2, color, -1, cv2.LINE_AA)
    img = cv2.GaussianBlur(img, (0, 0), size / 224.0)
    noise = rng.normal(0, 4, img.shape)
    return np.clip(img + noise, 0, 255).astype(np.uint8)


def load_image(path, size):
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    if bgr is None:
        raise SystemExit(f"cannot read image {path}")
    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    interp = cv2.INTER_AREA if min(rgb.shape[:2]) > size else cv2.INTER_LINEAR
    return np.ascontiguousarray(cv2.resize(rgb, (size, size), interpolation=interp))


# --------------------------------------------------------------------------
# Helpers (cached per image size, as a user would cache constant grids)
# --------------------------------------------------------------------------

_BASE_GRID = {}


def base_grid(h, w):
    """Identity remap grid, float32 (h, w, 2): [..., 0] = x, [..., 1] = y."""
    key = (h, w)
    g = _BASE_GRID.get(key)
    if g is None:
        xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
        g = np.ascontiguousarray(np.dstack([xs, ys]))
        _BASE_GRID[key] = g
    return g


def center(h, w):
    # pixel-centre convention: rotation/shear centre of a WxH image
    return (w - 1) * 0.5, (h - 1) * 0.5


def _identity_lut():
    return np.arange(256, dtype=np.uint8)


def hue_lut3(shift_units):
    """3-channel LUT for OpenCV 8-bit HSV (H in 0..179): H -> (H + shift) mod 180,
    S and V unchanged. shift_units in OpenCV hue units (1 unit = 2 degrees)."""
    ident = _identity_lut()
    h = np.mod(np.rint(np.arange(256) + shift_units), 180).astype(np.uint8)
    return np.dstack([h, ident, ident]).reshape(256, 1, 3)


def sat_lut3(factor):
    ident = _identity_lut()
    s = np.clip(np.rint(np.arange(256) * factor), 0, 255).astype(np.uint8)
    return np.dstack([ident, s, ident]).reshape(256, 1, 3)


def gray_mean(img):
    return cv2.mean(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY))[0]


# --------------------------------------------------------------------------
# Ops: f(img, rng) -> new image.  img is RGB uint8 HxWx3, C-contiguous.
# --------------------------------------------------------------------------

def op_hflip(img, rng):
    return cv2.flip(img, 1)


def op_vflip(img, rng):
    return cv2.flip(img, 0)


def op_rotate(img, rng, limit=15.0):
    h, w = img.shape[:2]
    angle = rng.uniform(-limit, limit)
    m = cv2.getRotationMatrix2D(center(h, w), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=LINEAR, borderMode=BORDER)


def op_shear(img, rng, limit=10.0):
    h, w = img.shape[:2]
    t = math.tan(math.radians(rng.uniform(-limit, limit)))
    cx, cy = center(h, w)
    # x' = x + t*(y - cy): horizontal shear about the centre row
    m = np.array([[1.0, t, -t * cy], [0.0, 1.0, 0.0]])
    return cv2.warpAffine(img, m, (w, h), flags=LINEAR, borderMode=BORDER)


def op_affine(img, rng):
    h, w = img.shape[:2]
    angle = math.radians(rng.uniform(-15.0, 15.0))
    scale = rng.uniform(0.9, 1.1)
    tx = rng.uniform(-0.1, 0.1) * w
    ty = rng.uniform(-0.1, 0.1) * h
    sh = math.tan(math.radians(rng.uniform(-10.0, 10.0)))
    cx, cy = center(h, w)
    a, b = scale * math.cos(angle), scale * math.sin(angle)
    # M = T(c + t) . [[a, b], [-b, a]] . [[1, sh], [0, 1]] . T(-c)
    # (rotation matrix as cv2.getRotationMatrix2D: positive angle = counter-clockwise on screen)
    lin = np.array([[a, b], [-b, a]]) @ np.array([[1.0, sh], [0.0, 1.0]])
    c = np.array([cx, cy])
    off = c + np.array([tx, ty]) - lin @ c
    m = np.hstack([lin, off[:, None]])
    return cv2.warpAffine(img, m, (w, h), flags=LINEAR, borderMode=BORDER)


def op_perspective(img, rng):
    h, w = img.shape[:2]
    s = rng.uniform(0.05, 0.1)
    j = rng.uniform(0.0, s, size=(4, 2)) * np.array([w, h])
    # corners TL, TR, BR, BL, each jittered inwards; that quad is mapped onto the full image
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float64)
    inward = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], dtype=np.float64)
    quad = (src + inward * j).astype(np.float32)
    m = cv2.getPerspectiveTransform(quad, src.astype(np.float32))
    return cv2.warpPerspective(img, m, (w, h), flags=LINEAR, borderMode=BORDER)


def op_crop_resize(img, rng, frac=0.8):
    h, w = img.shape[:2]
    ch, cw = int(round(h * frac)), int(round(w * frac))
    y0 = int(rng.integers(0, h - ch + 1))
    x0 = int(rng.integers(0, w - cw + 1))
    return cv2.resize(img[y0:y0 + ch, x0:x0 + cw], (w, h), interpolation=LINEAR)


def rrc_params(h, w, rng, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3)):
    """torchvision RandomResizedCrop.get_params."""
    area = h * w
    log_r = (math.log(ratio[0]), math.log(ratio[1]))
    for _ in range(10):
        target = area * rng.uniform(scale[0], scale[1])
        ar = math.exp(rng.uniform(log_r[0], log_r[1]))
        cw = int(round(math.sqrt(target * ar)))
        ch = int(round(math.sqrt(target / ar)))
        if 0 < cw <= w and 0 < ch <= h:
            i = int(rng.integers(0, h - ch + 1))
            j = int(rng.integers(0, w - cw + 1))
            return i, j, ch, cw
    in_ratio = w / h  # fallback: central crop
    if in_ratio < ratio[0]:
        cw, ch = w, int(round(w / ratio[0]))
    elif in_ratio > ratio[1]:
        ch, cw = h, int(round(h * ratio[1]))
    else:
        cw, ch = w, h
    return (h - ch) // 2, (w - cw) // 2, ch, cw


def op_random_resized_crop(img, rng):
    h, w = img.shape[:2]
    i, j, ch, cw = rrc_params(h, w, rng)
    return cv2.resize(img[i:i + ch, j:j + cw], (w, h), interpolation=LINEAR)


def op_center_crop(img, rng, frac=0.8):
    h, w = img.shape[:2]
    ch, cw = int(round(h * frac)), int(round(w * frac))
    y0, x0 = (h - ch) // 2, (w - cw) // 2
    return img[y0:y0 + ch, x0:x0 + cw].copy()


def op_resize(img, rng):
    h, w = img.shape[:2]
    return cv2.resize(img, (w // 2, h // 2), interpolation=LINEAR)


# --- colour ---------------------------------------------------------------

def adj_brightness(img, f):
    # torchvision: blend with black = saturate(round(f * img))
    return cv2.convertScaleAbs(img, alpha=f, beta=0.0)


def adj_contrast(img, f):
    # torchvision: blend with the mean of the grayscale image
    return cv2.addWeighted(img, f, img, 0.0, (1.0 - f) * gray_mean(img))


def adj_saturation_blend(img, f):
    # torchvision: blend with the per-pixel grayscale image
    gray3 = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    return cv2.addWeighted(img, f, gray3, 1.0 - f, 0.0)


def adj_hue(img, hue_frac):
    # hue_frac in turns (torchvision hue_factor); OpenCV 8-bit H has 180 units per turn
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    hsv = cv2.LUT(hsv, hue_lut3(hue_frac * 180.0))
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


def op_brightness(img, rng):
    return adj_brightness(img, rng.uniform(0.8, 1.2))


def op_contrast(img, rng):
    return adj_contrast(img, rng.uniform(0.8, 1.2))


def op_gamma(img, rng):
    g = rng.uniform(0.8, 1.2)
    lut = np.clip(np.rint(np.power(np.arange(256) / 255.0, g) * 255.0), 0, 255).astype(np.uint8)
    return cv2.LUT(img, lut)


def op_saturation(img, rng):
    f = rng.uniform(0.8, 1.2)
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    hsv = cv2.LUT(hsv, sat_lut3(f))
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


def op_hue(img, rng):
    return adj_hue(img, rng.uniform(-0.05, 0.05))


def op_color_jitter(img, rng, b=0.2, c=0.2, s=0.2, hue=0.05):
    # torchvision ColorJitter.get_params: permutation first, then the four factors
    order = rng.permutation(4)
    bf = rng.uniform(max(0.0, 1 - b), 1 + b)
    cf = rng.uniform(max(0.0, 1 - c), 1 + c)
    sf = rng.uniform(max(0.0, 1 - s), 1 + s)
    hf = rng.uniform(-hue, hue)
    out = img
    for k in order:
        if k == 0:
            out = adj_brightness(out, bf)
        elif k == 1:
            out = adj_contrast(out, cf)
        elif k == 2:
            out = adj_saturation_blend(out, sf)
        else:
            out = adj_hue(out, hf)
    return out


def op_rgb_shift(img, rng, limit=20):
    d = [int(v) for v in rng.integers(-limit, limit + 1, size=3)]
    # Saturating uint8 add of per-channel integer shifts. A scalar with a negative entry
    # sends cv2.add down its mixed-type (int16 work type) path, ~6x slower, so add the
    # positive part and subtract the negative part separately: same result, uint8 fast path.
    pos = (max(d[0], 0), max(d[1], 0), max(d[2], 0), 0)
    neg = (max(-d[0], 0), max(-d[1], 0), max(-d[2], 0), 0)
    out = cv2.add(img, pos) if any(pos) else img.copy()
    return cv2.subtract(out, neg) if any(neg) else out


def op_channel_shuffle(img, rng):
    p = rng.permutation(3)
    ch = cv2.split(img)
    return cv2.merge([ch[p[0]], ch[p[1]], ch[p[2]]])


def op_to_gray(img, rng):
    return cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)


# --- noise ------------------------------------------------------------------

def op_gaussian_noise(img, rng, sigma=10.0):
    h, w, c = img.shape
    noise = np.empty((h, w * c), np.int16)
    # 2-D single-channel view: cv2.randn with a scalar std on a 3-channel array only
    # fills channel 0 (pitfall). Noise comes from cv2's RNG (cv2.setRNGSeed).
    cv2.randn(noise, 0.0, sigma)
    return cv2.add(img, noise.reshape(h, w, c), dtype=cv2.CV_8U)  # saturating signed add


def op_salt_pepper(img, rng, amount=0.05):
    h, w = img.shape[:2]
    n = int(round(amount * h * w))
    idx = rng.integers(0, h * w, size=n)  # pixel indices, with replacement
    out = img.copy()
    flat = out.reshape(-1, img.shape[2])
    flat[idx[: n // 2]] = 255  # salt: first half
    flat[idx[n // 2:]] = 0  # pepper: second half
    return out


def op_speckle(img, rng, sigma=0.1):
    h, w, c = img.shape
    gain = np.empty((h, w * c), np.float32)
    cv2.randn(gain, 1.0, sigma)  # out = img * (1 + n), n ~ N(0, sigma)
    return cv2.multiply(img, gain.reshape(h, w, c), dtype=cv2.CV_8U)


# --- blur -------------------------------------------------------------------

def op_gaussian_blur(img, rng):
    s = rng.uniform(0.1, 2.0)
    return cv2.GaussianBlur(img, (5, 5), sigmaX=s, sigmaY=s, borderType=BORDER)


def motion_kernel(angle_deg, k=7):
    r = k // 2
    dx, dy = r * math.cos(math.radians(angle_deg)), r * math.sin(math.radians(angle_deg))
    p1 = (int(math.floor(r + dx + 0.5)), int(math.floor(r + dy + 0.5)))
    p2 = (int(math.floor(r - dx + 0.5)), int(math.floor(r - dy + 0.5)))
    ker = np.zeros((k, k), np.float32)
    cv2.line(ker, p1, p2, 1.0, 1, cv2.LINE_8)
    return ker / ker.sum()


def op_motion_blur(img, rng):
    ker = motion_kernel(rng.uniform(0.0, 180.0))
    return cv2.filter2D(img, -1, ker, borderType=BORDER)


def op_cutout(img, rng, holes=8, frac=0.1):
    h, w = img.shape[:2]
    hh, ww = int(round(h * frac)), int(round(w * frac))
    out = img.copy()
    for _ in range(holes):
        y = int(rng.integers(0, h - hh + 1))
        x = int(rng.integers(0, w - ww + 1))
        out[y:y + hh, x:x + ww] = 0
    return out


# --- geometric distortions ---------------------------------------------------

def op_grid_distortion(img, rng, steps=5, limit=0.05):
    h, w = img.shape[:2]
    # displacement (pixels) at each of the steps x steps nodes, [..., 0] = dx, [..., 1] = dy
    disp = (rng.uniform(-limit, limit, size=(steps, steps, 2)) * np.array([w, h])).astype(np.float32)
    full = cv2.resize(disp, (w, h), interpolation=cv2.INTER_CUBIC)
    m = cv2.add(base_grid(h, w), full)
    return cv2.remap(img, m, None, LINEAR, borderMode=BORDER)


def op_elastic(img, rng, alpha=34.0, sigma=4.0, ksize=17):
    h, w = img.shape[:2]
    d = np.empty((h, w * 2), np.float32)
    cv2.randu(d, -1.0, 1.0)  # uniform [-1, 1) from cv2's RNG
    d = cv2.GaussianBlur(d.reshape(h, w, 2), (ksize, ksize), sigma, borderType=BORDER)
    m = cv2.scaleAdd(d, alpha, base_grid(h, w))  # map = identity + alpha * blurred
    return cv2.remap(img, m, None, LINEAR, borderMode=BORDER)


def op_optical_distortion(img, rng, limit=0.05):
    h, w = img.shape[:2]
    k = rng.uniform(-limit, limit)
    cam = np.array([[w, 0, w * 0.5], [0, h, h * 0.5], [0, 0, 1]], dtype=np.float32)
    dist = np.array([k, k, 0, 0, 0], dtype=np.float32)
    m1, m2 = cv2.initUndistortRectifyMap(cam, dist, None, cam, (w, h), cv2.CV_32FC1)
    return cv2.remap(img, m1, m2, LINEAR, borderMode=BORDER)


# --- normalize --------------------------------------------------------------

_NORM_LUT = (
    (np.arange(256)[:, None] / 255.0 - np.array(IMAGENET_MEAN)) / np.array(IMAGENET_STD)
).astype(np.float32).reshape(256, 1, 3)


def op_normalize(img, rng):
    # (x/255 - mean[c]) / std[c] -> float32 HWC, via a per-channel 256-entry LUT
    return cv2.LUT(img, _NORM_LUT)


# --- pipeline ---------------------------------------------------------------

PIPELINE9 = (
    op_hflip, op_vflip, op_rotate, op_shear, op_crop_resize,
    op_color_jitter, op_rgb_shift, op_gaussian_noise, op_grid_distortion,
)


def op_pipeline9(img, rng, p=0.5):
    out = img
    for f in PIPELINE9:
        if rng.random() < p:
            out = f(out, rng)
    return out


OPS = {
    "hflip": op_hflip,
    "vflip": op_vflip,
    "rotate": op_rotate,
    "shear": op_shear,
    "affine": op_affine,
    "perspective": op_perspective,
    "crop_resize": op_crop_resize,
    "random_resized_crop": op_random_resized_crop,
    "center_crop": op_center_crop,
    "resize": op_resize,
    "brightness": op_brightness,
    "contrast": op_contrast,
    "gamma": op_gamma,
    "saturation": op_saturation,
    "hue": op_hue,
    "color_jitter": op_color_jitter,
    "rgb_shift": op_rgb_shift,
    "channel_shuffle": op_channel_shuffle,
    "to_gray": op_to_gray,
    "gaussian_noise": op_gaussian_noise,
    "salt_pepper": op_salt_pepper,
    "speckle": op_speckle,
    "gaussian_blur": op_gaussian_blur,
    "motion_blur": op_motion_blur,
    "cutout": op_cutout,
    "grid_distortion": op_grid_distortion,
    "elastic": op_elastic,
    "optical_distortion": op_optical_distortion,
    "normalize": op_normalize,
    "pipeline9": op_pipeline9,
}


# --------------------------------------------------------------------------
# Sanity checks (run once before timing, cheap)
# --------------------------------------------------------------------------

def self_check(img):
    h, w = img.shape[:2]
    rng = np.random.default_rng(123)
    for name, f in OPS.items():
        out = f(img, rng)
        if name == "normalize":
            assert out.dtype == np.float32 and out.shape == img.shape, name
        elif name == "center_crop":
            assert out.shape == (int(round(h * 0.8)), int(round(w * 0.8)), 3), name
        elif name == "resize":
            assert out.shape == (h // 2, w // 2, 3), name
        else:
            assert out.dtype == np.uint8 and out.shape == img.shape, (name, out.shape, out.dtype)
    # gaussian noise: every channel noisy, result == clip(img + noise)
    cv2.setRNGSeed(7)
    out = op_gaussian_noise(img, rng).astype(np.int32)
    cv2.setRNGSeed(7)
    noise = np.empty((h, w * 3), np.int16)
    cv2.randn(noise, 0.0, 10.0)
    ref = np.clip(img.astype(np.int32) + noise.reshape(h, w, 3), 0, 255)
    assert np.array_equal(out, ref), "gaussian_noise != clip(img + noise)"
    sd = (out - img).reshape(-1, 3).std(0)
    assert np.all(sd > 7) and np.all(sd < 11), f"noise std per channel {sd}"
    # rgb shift saturates both ways
    for seed in range(20):
        r1, r2 = np.random.default_rng(seed), np.random.default_rng(seed)
        d = r2.integers(-20, 21, size=3)
        ref = np.clip(img.astype(np.int32) + d, 0, 255)
        assert np.array_equal(op_rgb_shift(img, r1), ref), "rgb_shift"
    # normalize matches the float formula
    ref = (img / 255.0 - np.array(IMAGENET_MEAN)) / np.array(IMAGENET_STD)
    assert np.allclose(op_normalize(img, rng), ref, atol=1e-5)
    # grid distortion / elastic with zero displacement are the identity mapping
    g = base_grid(h, w)
    assert np.array_equal(cv2.remap(img, g, None, LINEAR, borderMode=BORDER), img)


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------

def measure(f, img, seconds, warmup, windows=1):
    """Images/s over the timed seconds, and in the best of `windows` equal windows of them.

    The best window is what the Java side's best JMH iteration is compared with: on a shared machine a slow spell
    lowers the mean of either side, while the best window of each is what the code can do.
    """
    rng = np.random.default_rng(SEED)
    cv2.setRNGSeed(SEED)
    t0 = time.perf_counter()
    n = 0
    while True:
        f(img, rng)
        n += 1
        if time.perf_counter() - t0 >= warmup:
            break
    per = (time.perf_counter() - t0) / n
    chunk = max(1, int(0.01 / per))  # check the clock about every 10 ms
    count = 0
    best = 0.0
    t0 = time.perf_counter()
    end = t0 + seconds
    window = seconds / max(1, windows)
    w0, wcount = t0, 0
    while True:
        for _ in range(chunk):
            f(img, rng)
        count += chunk
        wcount += chunk
        t = time.perf_counter()
        if t - w0 >= window or t >= end:
            best = max(best, wcount / (t - w0))
            w0, wcount = t, 0
        if t >= end:
            break
    return count / (t - t0), best


def serve(stdin, stdout):
    """Timing windows on request, for a driver that alternates them with its own (the Java `Duel`).

    One command per line, one answer line each ("ok ..." or "error ..."):
      image SIZE SOURCE OUT   make the SIZE input from SOURCE ("synthetic" or a photo path), save it as the PNG OUT
      time OP SIZE SECONDS    run OP on that input for SECONDS (wall clock), answer "ok CALLS/S"
    Each op keeps one seeded generator across its windows, so consecutive windows draw new parameters.
    """
    images = {}
    rngs = {}
    for line in stdin:
        words = line.split()
        try:
            if words[:1] == ["image"] and len(words) == 4:
                size = int(words[1])
                img = synthetic_image(size) if words[2] == "synthetic" else load_image(words[2], size)
                if not cv2.imwrite(words[3], cv2.cvtColor(img, cv2.COLOR_RGB2BGR)):
                    raise ValueError(f"cannot write {words[3]}")
                images[size] = img
                answer = "ok"
            elif words[:1] == ["time"] and len(words) == 4:
                op, size, seconds = words[1], int(words[2]), float(words[3])
                if op not in OPS:
                    raise ValueError(f"unknown op {op}")
                if size not in images:
                    raise ValueError(f"no input of size {size}: send 'image' first")
                rng = rngs.setdefault(op, np.random.default_rng(SEED))
                f, img = OPS[op], images[size]
                n = 0
                t0 = time.perf_counter()
                end = t0 + seconds
                while True:
                    f(img, rng)
                    n += 1
                    t = time.perf_counter()
                    if t >= end:
                        break
                answer = f"ok {n / (t - t0):.3f}"
            else:
                raise ValueError(f"unknown command: {line.strip()}")
        except Exception as e:  # the driver shows the message and stops
            answer = "error " + str(e).replace("\n", " ")
        print(answer, file=stdout, flush=True)


def fmt(v):
    return f"{v / 1000:8.2f} k" if v >= 1000 else f"{v:8.1f}  "


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="224,512", help="comma list of square sizes")
    ap.add_argument("--seconds", type=float, default=2.0, help="timed seconds per op per size")
    ap.add_argument("--warmup", type=float, default=0.3, help="warm-up seconds per op per size")
    ap.add_argument("--ops", default=",".join(OPS), help="comma list of ops (default: all)")
    ap.add_argument("--image", help="optional RGB photo to use instead of the synthetic image")
    ap.add_argument("--windows", type=int, default=1,
                    help="also report the best of this many equal windows of the timed seconds (JSON: op.best)")
    ap.add_argument("--threads", type=int, default=1, help="cv2.setNumThreads (default 1)")
    ap.add_argument("--json", help="write results to this JSON file")
    ap.add_argument("--no-check", action="store_true", help="skip the sanity checks")
    ap.add_argument("--save-input", metavar="PATTERN",
                    help="also write each size's input image as a PNG to PATTERN %% size (e.g. in-%%d.png), "
                         "so the Java benchmarks can time the very same pixels")
    ap.add_argument("--serve", action="store_true",
                    help="answer timing requests on stdin instead (see serve(); used by the Java Duel)")
    args = ap.parse_args(argv)
    if args.serve:
        cv2.setNumThreads(args.threads)
        cv2.ocl.setUseOpenCL(False)
        serve(sys.stdin, sys.stdout)
        return

    cv2.setNumThreads(args.threads)
    cv2.ocl.setUseOpenCL(False)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ops = [o.strip() for o in args.ops.split(",") if o.strip()]
    unknown = [o for o in ops if o not in OPS]
    if unknown:
        raise SystemExit(f"unknown ops {unknown}; known: {', '.join(OPS)}")

    images = {s: (load_image(args.image, s) if args.image else synthetic_image(s)) for s in sizes}
    if args.save_input:
        for s in sizes:
            path = args.save_input % s
            if not cv2.imwrite(path, cv2.cvtColor(images[s], cv2.COLOR_RGB2BGR)):
                raise SystemExit(f"cannot write {path}")
    if not args.no_check:
        for s in sizes:
            self_check(images[s])

    meta = {
        "cv2": cv2.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "threads": cv2.getNumThreads(),
        "use_optimized": cv2.useOptimized(),
        "glibc_tunables": os.environ.get("GLIBC_TUNABLES", ""),
        "seconds": args.seconds,
        "windows": args.windows,
        "warmup": args.warmup,
        "image": args.image or f"synthetic(seed={SEED})",
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    if not meta["glibc_tunables"]:
        print("warning: GLIBC_TUNABLES not set; 512x512 numbers will be much lower (use run.sh)",
              file=sys.stderr)

    print(f"cv2 {meta['cv2']}  numpy {meta['numpy']}  python {meta['python']}  "
          f"threads {meta['threads']}  {args.seconds:g}s/op/size  images/s")
    header = f"{'op':<22}" + "".join(f"{s:>13}" for s in sizes)
    print(header)
    print("-" * len(header))
    results = {}
    for op in ops:
        results[op] = {}
        row = f"{op:<22}"
        for s in sizes:
            v, best = measure(OPS[op], images[s], args.seconds, args.warmup, args.windows)
            results[op][str(s)] = round(v, 1)
            results[op].setdefault("best", {})[str(s)] = round(best, 1)
            row += f"{fmt(v):>13}"
        print(row, flush=True)
    results["meta"] = meta
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2)
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
