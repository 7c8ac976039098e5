package io.augment4j.trainer.report;

import io.augment4j.api.io.AtomicFiles;
import io.augment4j.trainer.loop.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curves as one PNG: loss (train and validation) above, error (train and
 * validation) below, per epoch, with vertical lines at the restored best epoch and at the epoch
 * where early stopping ended the run.
 *
 * <p>The train curves are the running averages over each epoch, with dropout and augmentation on;
 * they lag the weights by half an epoch and read slightly pessimistic. The report's diagnosis uses
 * a clean evaluation of the final weights instead.
 */
public final class Curves {

    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color VAL = new Color(255, 127, 14);
    private static final Color BEST = new Color(44, 160, 44);
    private static final Color STOP = new Color(214, 39, 40);

    private Curves() {}

    /**
     * Writes the PNG (atomically).
     *
     * @param history per-epoch metrics ({@code loss}, {@code accuracy}, {@code val_loss}, {@code val_accuracy})
     * @param bestEpoch 1-based epoch whose weights were restored, or -1
     * @param stoppedEpoch 1-based epoch at which early stopping ended the run, or -1
     * @param title chart title (the run name)
     * @param file destination, e.g. {@code run/curves.png}
     * @throws IOException on write failure
     */
    public static void write(History history, int bestEpoch, int stoppedEpoch, String title, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int n = history.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        double[] loss = history.get("loss");
        double[] valLoss = history.get("val_loss");
        double[] err = oneMinus(history.get("accuracy"));
        double[] valErr = oneMinus(history.get("val_accuracy"));
        for (int i = 0; i < n; i++) {
            err[i] *= 100;
            valErr[i] *= 100;
        }
        XYChart top = chart(title + ": loss per epoch", "cross-entropy loss", n);
        XYChart bottom = chart(title + ": error per epoch", "error (%)", n);
        add(top, "train loss", x, loss, TRAIN);
        add(top, "val loss", x, valLoss, VAL);
        add(bottom, "train error", x, err, TRAIN);
        add(bottom, "val error", x, valErr, VAL);
        for (XYChart c : List.of(top, bottom)) {
            boolean isLoss = c == top;
            double[] a = isLoss ? loss : err;
            double[] b = isLoss ? valLoss : valErr;
            double lo = Math.min(min(a), min(b));
            double hi = Math.max(max(a), max(b));
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            double pad = 0.05 * (hi - lo);
            lo = Math.max(0, lo - pad);
            hi = hi + pad;
            c.getStyler().setYAxisMin(lo).setYAxisMax(hi);
            if (bestEpoch > 0) {
                marker(c, "restored best epoch " + bestEpoch, bestEpoch, lo, hi, BEST, false);
            }
            if (stoppedEpoch > 0) {
                marker(c, "early stop at epoch " + stoppedEpoch, stoppedEpoch, lo, hi, STOP, true);
            }
        }
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        AtomicFiles.write(abs, out ->
                BitmapEncoder.saveBitmap(List.of(top, bottom), 2, 1, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart chart(String title, String yTitle, int epochs) {
        XYChart c = new XYChartBuilder().width(900).height(420).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        org.knowm.xchart.style.XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        c.getStyler().setXAxisMin(epochs > 1 ? 1.0 : 0.5).setXAxisMax(epochs > 1 ? (double) epochs : 1.5);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setYAxisDecimalPattern("#0.00");
        return c;
    }

    private static void add(XYChart c, String name, double[] x, double[] y, Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2.2f));
    }

    private static void marker(XYChart c, String name, int epoch, double lo, double hi, Color color, boolean dashed) {
        XYSeries s = c.addSeries(name, new double[] {epoch, epoch}, new double[] {lo, hi});
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(dashed
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
                : new BasicStroke(2f));
    }

    private static double[] oneMinus(double[] a) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = 1 - a[i];
        }
        return o;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            if (Double.isFinite(v)) {
                m = Math.min(m, v);
            }
        }
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m == Double.NEGATIVE_INFINITY ? 1 : m;
    }
}
