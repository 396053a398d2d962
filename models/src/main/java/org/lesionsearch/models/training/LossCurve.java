package org.lesionsearch.models.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The loss of every step as CSV ({@code step,loss,part...}) and as a PNG plot of the total loss
 * with its moving average. Resuming keeps the rows up to the checkpoint and drops later ones.
 */
public final class LossCurve {

    private final Path csv;
    private final List<String> parts;
    private final List<float[]> rows = new ArrayList<>();

    public LossCurve(Path csv, List<String> parts) {
        this.csv = csv;
        this.parts = List.copyOf(parts);
    }

    /** Starts the file afresh, or keeps rows with {@code step <= lastStep} when resuming. */
    public void open(int lastStep) throws IOException {
        rows.clear();
        if (lastStep >= 0 && Files.exists(csv)) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] cells = line.split(",");
                float[] row = new float[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Float.parseFloat(cells[i]);
                }
                if (row[0] <= lastStep) {
                    rows.add(row);
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("step,loss" + (parts.isEmpty() ? "" : "," + String.join(",", parts)));
            out.newLine();
            for (float[] row : rows) {
                out.write(format(row));
                out.newLine();
            }
        }
    }

    public void add(int step, float loss, float... partValues) throws IOException {
        float[] row = new float[2 + partValues.length];
        row[0] = step;
        row[1] = loss;
        System.arraycopy(partValues, 0, row, 2, partValues.length);
        rows.add(row);
        Files.writeString(csv, format(row) + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    public List<float[]> rows() {
        return List.copyOf(rows);
    }

    /** Mean loss of the last {@code n} steps. */
    public double recentMean(int n) {
        return rows.subList(Math.max(0, rows.size() - n), rows.size()).stream().mapToDouble(r -> r[1]).average().orElse(Double.NaN);
    }

    /** Draws the total loss (grey) and its moving average (blue) against the step. */
    public void plot(Path png, String title) throws IOException {
        int w = 800;
        int h = 480;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(title, left, 24);
            g.drawRect(left, top, w - left - right, h - top - bottom);
            if (rows.isEmpty()) {
                g.drawString("no steps recorded", left + 10, top + 20);
            } else {
                float minStep = rows.getFirst()[0];
                float maxStep = Math.max(minStep + 1, rows.getLast()[0]);
                float maxLoss = 0;
                for (float[] r : rows) {
                    maxLoss = Math.max(maxLoss, r[1]);
                }
                maxLoss = maxLoss <= 0 ? 1 : maxLoss * 1.05f;
                int pw = w - left - right;
                int ph = h - top - bottom;
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                for (int t = 0; t <= 4; t++) {
                    float v = maxLoss * t / 4;
                    int y = top + ph - Math.round(ph * t / 4f);
                    g.drawString(String.format(Locale.ROOT, "%.3g", v), 8, y + 4);
                    g.drawString(String.format(Locale.ROOT, "%d", Math.round(minStep + (maxStep - minStep) * t / 4)),
                            left + Math.round(pw * t / 4f) - 10, h - bottom + 18);
                }
                g.drawString("step", left + pw / 2 - 10, h - 12);
                g.drawString("loss", 8, top - 8);
                g.setColor(new Color(180, 180, 180));
                polyline(g, rows, 1, minStep, maxStep, maxLoss, left, top, pw, ph);
                g.setColor(new Color(30, 90, 200));
                g.setStroke(new BasicStroke(2f));
                polyline(g, movingAverage(Math.max(1, rows.size() / 25)), 1, minStep, maxStep, maxLoss, left, top, pw, ph);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private List<float[]> movingAverage(int window) {
        List<float[]> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += rows.get(i)[1];
            if (i >= window) {
                sum -= rows.get(i - window)[1];
            }
            out.add(new float[] {rows.get(i)[0], (float) (sum / Math.min(i + 1, window))});
        }
        return out;
    }

    private static void polyline(Graphics2D g, List<float[]> points, int column, float minStep, float maxStep, float maxLoss,
                                 int left, int top, int pw, int ph) {
        int px = -1;
        int py = -1;
        for (int i = 0; i < points.size(); i++) {
            float[] p = points.get(i);
            int x = left + Math.round(pw * (p[0] - minStep) / (maxStep - minStep));
            int y = top + ph - Math.round(ph * Math.min(p[column], maxLoss) / maxLoss);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static String format(float[] row) {
        StringBuilder b = new StringBuilder().append((int) row[0]);
        for (int i = 1; i < row.length; i++) {
            b.append(',').append(String.format(Locale.ROOT, "%.6g", row[i]));
        }
        return b.toString();
    }
}
