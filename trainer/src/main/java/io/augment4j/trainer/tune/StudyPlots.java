package io.augment4j.trainer.tune;

import io.augment4j.api.io.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A study's PNG plots: the objective against each hyperparameter on the scale it was sampled on (a
 * log axis for {@code log_uniform} and {@code int_log}, {@code 1 - x} on a log axis for
 * {@code one_minus_log}; for a sampler of the caller's own, a log axis where the values are positive
 * and span more than a factor of 20), the best value so far against the trial number, and the
 * validation curves of the top 5 complete trials and of the pruned ones.
 */
final class StudyPlots {

    /** A parameter sampled uniformly: a linear axis. */
    static final String LINEAR = "linear";
    /** A parameter sampled on a log scale: a log axis. */
    static final String LOG = "log";
    /** A parameter whose {@code 1 - x} is sampled on a log scale: {@code 1 - x} on a log axis. */
    static final String ONE_MINUS_LOG = "one_minus_log";

    private static final Color COMPLETE = new Color(31, 119, 180);
    private static final Color PRUNED = new Color(150, 150, 150);
    private static final Color BEST = new Color(214, 39, 40);

    private StudyPlots() {}

    /**
     * Writes the plots into the study folder.
     *
     * @param dir the study folder
     * @param records every trial
     * @param params the hyperparameter paths
     * @param scales each path's sampling scale ({@link #LINEAR}, {@link #LOG}, {@link #ONE_MINUS_LOG});
     *     a path without one is judged from its values
     * @param monitor the objective's name
     * @param direction whether lower or higher values are better
     * @param ranked the complete trials, best first
     * @return the file names written, in order
     * @throws IOException on write failure
     */
    static List<String> write(Path dir, List<TrialRecord> records, List<String> params, Map<String, String> scales,
            String monitor, Direction direction, List<TrialRecord> ranked) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> files = new ArrayList<>();
        List<TrialRecord> valued = records.stream().filter(r -> r.value() != null).toList();
        for (String p : params) {
            String f = "objective-" + p.replaceAll("[\\[\\]]", "").replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
            save(objective(valued, p, scales.get(p), monitor), dir.resolve(f));
            files.add(f);
        }
        save(bestSoFar(records, monitor, direction), dir.resolve("best-so-far.png"));
        files.add("best-so-far.png");
        save(curves("Validation curves of the top 5 trials", ranked.subList(0, Math.min(5, ranked.size())), monitor,
                false), dir.resolve("curves-top5.png"));
        files.add("curves-top5.png");
        List<TrialRecord> pruned = records.stream().filter(r -> r.state() == TrialState.PRUNED).toList();
        if (!pruned.isEmpty()) {
            save(curves("Validation curves of the pruned trials", pruned, monitor, true),
                    dir.resolve("curves-pruned.png"));
            files.add("curves-pruned.png");
        }
        return files;
    }

    /** @return whether positive values spanning more than a factor of 20 read better on a log axis (no scale known) */
    static boolean logScale(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return values.length > 1 && hi / lo > 20;
    }

    private static XYChart objective(List<TrialRecord> valued, String param, String scale, String monitor) {
        boolean oneMinus = ONE_MINUS_LOG.equals(scale);
        String axis = oneMinus ? "1 - " + param : param;
        XYChart c = chart(monitor + " against " + axis, axis, monitor);
        List<String> categories = new ArrayList<>();
        boolean numeric = valued.stream().allMatch(r -> r.params().get(param) instanceof Number);
        if (!numeric) {
            Set<String> seen = new LinkedHashSet<>();
            valued.forEach(r -> seen.add(String.valueOf(r.params().get(param))));
            categories.addAll(seen);
            c.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
                int i = (int) Math.round(x);
                return Math.abs(x - i) < 1e-6 && i >= 0 && i < categories.size() ? categories.get(i) : "";
            });
        }
        List<Double> all = new ArrayList<>();
        for (TrialState s : List.of(TrialState.COMPLETE, TrialState.PRUNED)) {
            List<TrialRecord> rs = valued.stream().filter(r -> r.state() == s).toList();
            if (rs.isEmpty()) {
                continue;
            }
            double[] x = new double[rs.size()];
            double[] y = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                Object v = rs.get(i).params().get(param);
                x[i] = !numeric ? categories.indexOf(String.valueOf(v))
                        : oneMinus ? 1 - ((Number) v).doubleValue() : ((Number) v).doubleValue();
                y[i] = rs.get(i).value();
                all.add(x[i]);
            }
            XYSeries sr = c.addSeries(s == TrialState.COMPLETE ? "complete" : "pruned (at its best epoch so far)",
                    x, y);
            sr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            sr.setMarker(SeriesMarkers.CIRCLE);
            sr.setMarkerColor(s == TrialState.COMPLETE ? COMPLETE : PRUNED);
        }
        double[] xs = all.stream().mapToDouble(Double::doubleValue).toArray();
        boolean log = scale == null ? logScale(xs) : !LINEAR.equals(scale);
        if (numeric && log && xs.length > 0 && Arrays.stream(xs).allMatch(x -> x > 0)) {
            c.getStyler().setXAxisLogarithmic(true);
            c.setXAxisTitle(axis + " (log scale)");
        }
        if (all.isEmpty()) {
            empty(c);
        }
        return c;
    }

    private static XYChart bestSoFar(List<TrialRecord> records, String monitor, Direction direction) {
        XYChart c = chart("Best " + monitor + " so far", "trial number", monitor);
        List<TrialRecord> complete = records.stream().filter(r -> r.state() == TrialState.COMPLETE
                && r.value() != null).sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        if (complete.isEmpty()) {
            empty(c);
            return c;
        }
        double[] x = new double[complete.size()];
        double[] y = new double[complete.size()];
        double[] best = new double[complete.size()];
        double b = Double.NaN;
        for (int i = 0; i < complete.size(); i++) {
            x[i] = complete.get(i).number();
            y[i] = complete.get(i).value();
            b = Double.isNaN(b) || direction.better(y[i], b) ? y[i] : b;
            best[i] = b;
        }
        XYSeries s = c.addSeries("trial", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(COMPLETE);
        XYSeries l = c.addSeries("best so far", x, best);
        l.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        l.setMarker(SeriesMarkers.NONE);
        l.setLineColor(BEST);
        return c;
    }

    private static XYChart curves(String title, List<TrialRecord> trials, String monitor, boolean grey) {
        XYChart c = chart(title, "epoch", monitor);
        for (TrialRecord r : trials) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < r.curve().size(); i++) {
                if (Double.isFinite(r.curve().get(i))) {
                    x.add(i + 1.0);
                    y.add(r.curve().get(i));
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "trial %d", r.number()), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            if (grey) {
                s.setLineColor(PRUNED);
                s.setMarkerColor(PRUNED);
            }
        }
        if (c.getSeriesMap().isEmpty()) {
            empty(c);
        }
        return c;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        return c;
    }

    /** XChart cannot draw a chart without series: one invisible point, and the legend says why. */
    private static void empty(XYChart c) {
        XYSeries s = c.addSeries("no trial to show", new double[] {0}, new double[] {0});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.WHITE);
    }

    private static void save(XYChart c, Path file) throws IOException {
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
    }
}
