package io.augment4j.cli;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import org.imgscalr.Scalr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact sheet: a header line, then a grid of tiles, each a thumbnail with a few lines of label under it. All
 * thumbnails share one scale (that of the first tile, the original), so a crop looks smaller than the original and
 * a flip looks the same size; a tile that would not fit is shrunk further. Boxes and keypoints of a tile are drawn
 * over its thumbnail, each label in its own colour ({@link #colorFor}), boxes with their label above them.
 */
public final class PreviewSheet {
    /** Text lines under each thumbnail (title included). */
    public static final int LABEL_LINES = 5;
    static final int GAP = 10;
    static final int LINE_HEIGHT = 14;
    static final int HEADER_HEIGHT = 28;
    static final int MIN_BOX_HEIGHT = 48;
    static final int MIN_BOX_WIDTH = 150;
    private static final Color BACKGROUND = new Color(0x24, 0x26, 0x2b);
    private static final Color TILE_BACKGROUND = new Color(0x32, 0x35, 0x3b);
    private static final Color TEXT = new Color(0xdc, 0xdf, 0xe4);
    private static final Color TITLE = new Color(0x8c, 0xcf, 0xff);
    private static final Color ORIGINAL = new Color(0xff, 0xc8, 0x5c);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font BOX_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    /** Distinct, saturated colours that stand out on photos; a label always gets the same one. */
    private static final Color[] PALETTE = {new Color(0xff, 0x3b, 0x30), new Color(0x34, 0xc7, 0x59),
        new Color(0x00, 0x7a, 0xff), new Color(0xff, 0xcc, 0x00), new Color(0xaf, 0x52, 0xde),
        new Color(0x5a, 0xc8, 0xfa), new Color(0xff, 0x95, 0x00), new Color(0xff, 0x2d, 0x92)};

    private PreviewSheet() {
    }

    /**
     * One cell of the sheet.
     *
     * @param image the picture, any size
     * @param title the first label line (bold), e.g. {@code #3} or {@code original 451x300}
     * @param phrases further label text, one phrase per transform; wrapped and cut to fit
     * @param boxes boxes to draw, in the picture's pixel coordinates
     * @param keypoints keypoints to draw, in the picture's pixel coordinates
     */
    public record Tile(BufferedImage image, String title, List<String> phrases, List<BoundingBox> boxes,
                       List<Keypoint> keypoints) {
        /** A tile without boxes or keypoints. */
        public Tile(BufferedImage image, String title, List<String> phrases) {
            this(image, title, phrases, List.of(), List.of());
        }
    }

    /** The colour boxes and keypoints labelled {@code label} are drawn in. */
    public static Color colorFor(String label) {
        return PALETTE[Math.floorMod(label == null ? 0 : label.hashCode(), PALETTE.length)];
    }

    /**
     * The sheet's geometry. Every cell holds a box of {@code boxWidth x boxHeight} pixels, the original's aspect
     * ratio with its longer side {@code tileSize}, and the label lines under it.
     *
     * @param cols columns
     * @param rows rows
     * @param boxWidth thumbnail box width
     * @param boxHeight thumbnail box height
     * @param width sheet width
     * @param height sheet height
     */
    public record Layout(int cols, int rows, int boxWidth, int boxHeight, int width, int height) {
        /**
         * The layout for {@code tiles} tiles of an original of {@code imageWidth x imageHeight}; {@code cols <= 0}
         * picks a near-square grid.
         */
        public static Layout of(int tiles, int imageWidth, int imageHeight, int tileSize, int cols) {
            int bw = tileSize;
            int bh = tileSize;
            if (imageWidth >= imageHeight) {
                bh = Math.max(MIN_BOX_HEIGHT, (int) Math.round((double) tileSize * imageHeight / imageWidth));
            } else {
                bw = Math.max(MIN_BOX_WIDTH, (int) Math.round((double) tileSize * imageWidth / imageHeight));
            }
            int c = cols > 0 ? Math.min(cols, tiles) : (int) Math.ceil(Math.sqrt(tiles));
            c = Math.max(1, c);
            int r = (tiles + c - 1) / c;
            int cellH = bh + labelHeight();
            return new Layout(c, r, bw, bh, GAP + c * (bw + GAP), HEADER_HEIGHT + GAP + r * (cellH + GAP));
        }

        int x(int i) {
            return GAP + (i % cols) * (boxWidth + GAP);
        }

        int y(int i) {
            return HEADER_HEIGHT + GAP + (i / cols) * (boxHeight + labelHeight() + GAP);
        }
    }

    static int labelHeight() {
        return 4 + LABEL_LINES * LINE_HEIGHT;
    }

    /** Draws the sheet; the first tile is the original and sets the layout. */
    public static BufferedImage render(String header, List<Tile> tiles, int tileSize, int cols) {
        BufferedImage first = tiles.get(0).image();
        Layout l = Layout.of(tiles.size(), first.getWidth(), first.getHeight(), tileSize, cols);
        BufferedImage sheet = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, l.width(), l.height());
            g.setFont(HEADER);
            g.setColor(TEXT);
            g.drawString(fit(header, g.getFontMetrics(), l.width() - 2 * GAP), GAP, 19);
            double scale = scaleFor(first, l.boxWidth(), l.boxHeight());
            for (int i = 0; i < tiles.size(); i++) {
                drawTile(g, tiles.get(i), l.x(i), l.y(i), l.boxWidth(), l.boxHeight(), scale, i == 0);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static double scaleFor(BufferedImage img, int bw, int bh) {
        return Math.min((double) bw / img.getWidth(), (double) bh / img.getHeight());
    }

    private static void drawTile(Graphics2D g, Tile t, int x, int y, int bw, int bh, double commonScale,
                                 boolean original) {
        g.setColor(TILE_BACKGROUND);
        g.fillRect(x, y, bw, bh);
        BufferedImage img = t.image();
        double s = Math.min(commonScale, scaleFor(img, bw, bh));
        int tw = Math.max(1, Math.min(bw, (int) Math.round(img.getWidth() * s)));
        int th = Math.max(1, Math.min(bh, (int) Math.round(img.getHeight() * s)));
        int ix = x + (bw - tw) / 2;
        int iy = y + (bh - th) / 2;
        if (img.getColorModel().hasAlpha()) {
            checkerboard(g, ix, iy, tw, th);
        }
        BufferedImage thumb = tw == img.getWidth() && th == img.getHeight() ? img
                : Scalr.resize(img, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, tw, th);
        g.drawImage(thumb, ix, iy, null);
        if (thumb != img) {
            thumb.flush();
        }
        drawTargets(g, t, ix, iy, (double) tw / img.getWidth(), (double) th / img.getHeight());
        if (original) {
            g.setColor(ORIGINAL);
            g.setStroke(new BasicStroke(2));
            g.drawRect(x - 1, y - 1, bw + 1, bh + 1);
        }
        int ty = y + bh + 2 + LINE_HEIGHT - 3;
        g.setFont(BOLD);
        g.setColor(original ? ORIGINAL : TITLE);
        g.drawString(fit(t.title(), g.getFontMetrics(), bw), x, ty);
        g.setFont(FONT);
        g.setColor(TEXT);
        List<String> lines = wrap(t.phrases(), g.getFontMetrics(), bw, LABEL_LINES - 1);
        for (String line : lines) {
            ty += LINE_HEIGHT;
            g.drawString(line, x, ty);
        }
    }

    private static void drawTargets(Graphics2D g, Tile t, int ix, int iy, double sx, double sy) {
        g.setStroke(new BasicStroke(2));
        g.setFont(BOX_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (BoundingBox b : t.boxes()) {
            int x0 = ix + (int) Math.round(b.xMin() * sx);
            int y0 = iy + (int) Math.round(b.yMin() * sy);
            int x1 = ix + (int) Math.round(b.xMax() * sx);
            int y1 = iy + (int) Math.round(b.yMax() * sy);
            Color c = colorFor(b.label());
            g.setColor(c);
            g.drawRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            if (b.label() != null) {
                int lw = fm.stringWidth(b.label()) + 4;
                int ly = y0 - fm.getHeight() >= iy ? y0 - fm.getHeight() : y0;
                g.fillRect(x0 - 1, ly, lw, fm.getHeight());
                g.setColor(Color.BLACK);
                g.drawString(b.label(), x0 + 1, ly + fm.getAscent());
            }
        }
        for (Keypoint k : t.keypoints()) {
            int x = ix + (int) Math.round(k.x() * sx);
            int y = iy + (int) Math.round(k.y() * sy);
            g.setColor(Color.BLACK);
            g.fillOval(x - 4, y - 4, 8, 8);
            g.setColor(colorFor(k.label()));
            g.fillOval(x - 3, y - 3, 6, 6);
        }
    }

    private static void checkerboard(Graphics2D g, int x, int y, int w, int h) {
        int sq = 8;
        for (int yy = 0; yy < h; yy += sq) {
            for (int xx = 0; xx < w; xx += sq) {
                g.setColor(((xx / sq + yy / sq) & 1) == 0 ? new Color(0x99, 0x99, 0x99) : new Color(0x66, 0x66, 0x66));
                g.fillRect(x + xx, y + yy, Math.min(sq, w - xx), Math.min(sq, h - yy));
            }
        }
    }

    /**
     * Lays phrases out in at most {@code maxLines} lines of at most {@code width} pixels. When everything fits, each
     * phrase starts a line and wraps at spaces; otherwise each phrase gets one line, cut with an ellipsis, so every
     * transform stays visible, and phrases beyond the last line are counted ({@code +2 more: cutout, invert}).
     */
    static List<String> wrap(List<String> phrases, FontMetrics fm, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        for (String phrase : phrases) {
            String cur = "";
            for (String word : phrase.split(" ")) {
                String cand = cur.isEmpty() ? word : cur + " " + word;
                if (fm.stringWidth(cand) <= width || cur.isEmpty()) {
                    cur = cand;
                } else {
                    lines.add(cur);
                    cur = "  " + word;
                }
            }
            lines.add(cur);
        }
        if (lines.size() <= maxLines) {
            lines.replaceAll(l -> ellipsize(l, fm, width, false));
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            if (out.size() == maxLines - 1 && phrases.size() > maxLines) {
                List<String> rest = new ArrayList<>();
                for (String ph : phrases.subList(i, phrases.size())) {
                    rest.add(ph.split(" ", 2)[0]);
                }
                out.add(ellipsize("+" + rest.size() + " more: " + String.join(", ", rest), fm, width, false));
                break;
            }
            out.add(ellipsize(phrases.get(i), fm, width, false));
        }
        return out;
    }

    private static String ellipsize(String s, FontMetrics fm, int width, boolean force) {
        if (!force && fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static String fit(String s, FontMetrics fm, int width) {
        return fm.stringWidth(s) <= width ? s : ellipsize(s, fm, width, true);
    }
}
