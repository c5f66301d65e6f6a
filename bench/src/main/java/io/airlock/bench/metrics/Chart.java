package io.airlock.bench.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * One time-series panel: axes with round ticks (linear, or powers of ten on a log scale), lines (NaN, and on a log
 * scale anything not positive, leaves a gap), a legend. java.awt only.
 */
final class Chart {

    /** One line of a panel. */
    record Line(String label, Color color, double[] ys) {
    }

    private static final int LEFT = 64;
    private static final int BOTTOM = 34;
    private static final int TOP = 30;
    private static final int RIGHT = 16;
    private static final Color GRID = new Color(230, 230, 230);

    private final Graphics2D g;
    private final Rectangle plot;
    private final boolean log;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    private Chart(Graphics2D g, Rectangle r, double[] xs, List<Line> lines, boolean log) {
        this.g = g;
        this.log = log;
        this.plot = new Rectangle(r.x + LEFT, r.y + TOP, r.width - LEFT - RIGHT, r.height - TOP - BOTTOM);
        this.xMax = xs.length == 0 ? 1 : Math.max(1, xs[xs.length - 1]);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Line l : lines) {
            for (double y : l.ys()) {
                if (!Double.isNaN(y) && (!log || y > 0)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        if (log) {
            yMin = Math.pow(10, Math.floor(Math.log10(lo == Double.MAX_VALUE ? 1 : lo)));
            yMax = Math.max(yMin * 10, Math.pow(10, Math.ceil(Math.log10(Math.max(hi, 1e-12)))));
        } else {
            yMin = 0;
            double step = niceStep(hi <= 0 ? 1 : hi * 1.15 / 5);
            yMax = Math.max(step, Math.ceil(hi * 1.15 / step) * step);
        }
    }

    static void draw(Graphics2D g, Rectangle r, String title, String unit, double[] xs, List<Line> lines,
                     boolean log) {
        Chart c = new Chart(g, r, xs, lines, log);
        g.setColor(Color.WHITE);
        g.fill(r);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, r.x + LEFT, r.y + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(unit, r.x + 6, r.y + 20);
        c.axes();
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(2f));
        int legendX = c.plot.x + c.plot.width - 8;
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line l = lines.get(i);
            g.setColor(l.color());
            g.draw(c.path(l.ys(), xs));
            legendX -= fm.stringWidth(l.label()) + 26;
            g.drawLine(legendX, c.plot.y + 12, legendX + 14, c.plot.y + 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(l.label(), legendX + 18, c.plot.y + 16);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private void axes() {
        FontMetrics fm = g.getFontMetrics();
        if (log) {
            for (double y = yMin; y <= yMax * 1.001; y *= 10) {
                yTick(y, fm, String.format(Locale.ROOT, "%,.0f", y));
            }
        } else {
            double step = niceStep(yMax / 5);
            for (double y = 0; y <= yMax + step / 2; y += step) {
                yTick(y, fm, label(y, step));
            }
        }
        double xStep = niceStep(xMax / 6);
        for (double x = 0; x <= xMax + 1e-9; x += xStep) {
            int px = plot.x + (int) Math.round(x / xMax * plot.width);
            g.setColor(GRID);
            g.drawLine(px, plot.y, px, plot.y + plot.height);
            g.setColor(Color.GRAY);
            String text = label(x, xStep);
            g.drawString(text, px - fm.stringWidth(text) / 2, plot.y + plot.height + 15);
        }
        g.drawString("s", plot.x + plot.width - fm.stringWidth("s"), plot.y + plot.height + 28);
        g.drawRect(plot.x, plot.y, plot.width, plot.height);
    }

    private void yTick(double y, FontMetrics fm, String text) {
        int py = (int) Math.round(yPixel(y));
        g.setColor(GRID);
        g.drawLine(plot.x, py, plot.x + plot.width, py);
        g.setColor(Color.GRAY);
        g.drawString(text, plot.x - 6 - fm.stringWidth(text), py + 4);
    }

    private double yPixel(double y) {
        double f = log ? (Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))
                : (y - yMin) / (yMax - yMin);
        return plot.y + plot.height - f * plot.height;
    }

    private Path2D path(double[] ys, double[] xs) {
        Path2D p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < ys.length && i < xs.length; i++) {
            if (Double.isNaN(ys[i]) || log && ys[i] <= 0) {
                pen = false;
                continue;
            }
            double px = plot.x + xs[i] / xMax * plot.width;
            double py = yPixel(ys[i]);
            if (pen) {
                p.lineTo(px, py);
            } else {
                p.moveTo(px, py);
                pen = true;
            }
        }
        return p;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double v, double step) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
