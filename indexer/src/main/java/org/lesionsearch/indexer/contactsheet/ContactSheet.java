package org.lesionsearch.indexer.contactsheet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.deeplesion.DeepLesionSliceReader;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * A contact sheet of a DeepLesion folder: key slices in their reading window, each with its
 * RECIST diameters drawn (long axis red, short axis cyan) and a caption, in a grid. Rows are
 * taken in turn from each coarse type so the sheet shows the variety of the folder.
 */
public final class ContactSheet {

    private static final Color LONG_AXIS = new Color(255, 70, 70);
    private static final Color SHORT_AXIS = new Color(70, 220, 255);
    private static final int CAPTION_PX = 16;

    /**
     * @param columns tiles per row
     * @param tilePx side of a tile in pixels
     * @param cropMm side of the field shown around each lesion in mm, or 0 for the whole slice
     */
    public record Layout(int columns, int tilePx, double cropMm) {
        public Layout {
            if (columns < 1 || tilePx < 32 || cropMm < 0) {
                throw new IllegalArgumentException("a contact sheet needs at least one column, tiles of 32 pixels or more"
                        + " and a crop of 0 (whole slice) or more mm");
            }
        }
    }

    /** What was drawn: the sheet and the rows shown, plus rows that could not be read. */
    public record Sheet(BufferedImage image, List<DeepLesionRow> shown, List<String> problems) {
    }

    private final Layout layout;

    public ContactSheet(Layout layout) {
        this.layout = layout;
    }

    /** Draws up to {@code limit} lesions of the folder holding {@code DL_info.csv} (or named by {@code csv}). */
    public Sheet draw(Path folder, Path csv, int limit) throws IOException {
        DeepLesionCsvReader.Table table = new DeepLesionCsvReader().read(csv);
        List<String> problems = new ArrayList<>();
        table.errors().forEach(e -> problems.add(e.toString()));
        // folders such as the real sample hold images for only some rows: choose among those
        List<DeepLesionRow> available = table.rows().stream().filter(r -> Files.isRegularFile(keySlice(folder, r))).toList();
        List<DeepLesionRow> chosen = choose(available, limit);
        int rowsOfTiles = Math.max(1, (chosen.size() + layout.columns() - 1) / layout.columns());
        int tileHeight = layout.tilePx() + CAPTION_PX;
        BufferedImage sheet = new BufferedImage(layout.columns() * layout.tilePx(), rowsOfTiles * tileHeight,
                BufferedImage.TYPE_INT_RGB);
        DeepLesionSliceReader reader = new DeepLesionSliceReader();
        List<DeepLesionRow> shown = new ArrayList<>();
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (DeepLesionRow row : chosen) {
                Path png = keySlice(folder, row);
                HuSlice slice;
                try {
                    slice = reader.read(png, row.spacing().x(), row.spacing().y());
                } catch (IOException e) {
                    problems.add(row.fileName() + ": " + e.getMessage());
                    continue;
                }
                int k = shown.size();
                tile(g, slice, row, (k % layout.columns()) * layout.tilePx(), (k / layout.columns()) * tileHeight);
                shown.add(row);
            }
        } finally {
            g.dispose();
        }
        return new Sheet(sheet, shown, problems);
    }

    private static Path keySlice(Path folder, DeepLesionRow row) {
        return folder.resolve("Images_png").resolve(row.seriesFolder()).resolve(DeepLesionRow.sliceFileName(row.keySlice()));
    }

    public static void writePng(Sheet sheet, Path out) throws IOException {
        if (!ImageIO.write(sheet.image(), "png", out.toFile())) {
            throw new IOException(out + ": no PNG writer in this JDK");
        }
    }

    /** Takes rows in turn from each coarse type, in file order within a type. */
    static List<DeepLesionRow> choose(List<DeepLesionRow> rows, int limit) {
        Map<CoarseType, List<DeepLesionRow>> byType = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(DeepLesionRow::coarseType))
                .forEach(r -> byType.computeIfAbsent(r.coarseType(), t -> new ArrayList<>()).add(r));
        List<DeepLesionRow> out = new ArrayList<>();
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<DeepLesionRow> list : byType.values()) {
                if (round < list.size() && out.size() < limit) {
                    out.add(list.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private void tile(Graphics2D g, HuSlice slice, DeepLesionRow row, int x0, int y0) {
        int size = layout.tilePx();
        // the field shown, in slice pixels: the whole slice, or a square around the lesion
        double cx, cy, field;
        if (layout.cropMm() > 0) {
            cx = row.boundingBox().centerX();
            cy = row.boundingBox().centerY();
            field = layout.cropMm() / slice.spacingX();
        } else {
            cx = (slice.width() - 1) / 2.0;
            cy = (slice.height() - 1) / 2.0;
            field = Math.max(slice.width(), slice.height());
        }
        double step = field / size;
        HuWindow window = row.dicomWindow();
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < size; j++) {
            double y = cy + (j - size / 2.0 + 0.5) * step;
            for (int i = 0; i < size; i++) {
                double x = cx + (i - size / 2.0 + 0.5) * step;
                int v = Math.round(255 * window.apply(average(slice, x, y, step)));
                tile.setRGB(i, j, (v << 16) | (v << 8) | v);
            }
        }
        g.drawImage(tile, x0, y0, null);
        double[] e = row.measurementCoordinates();
        g.setStroke(new BasicStroke(1.6f));
        for (int axis = 0; axis < e.length / 4; axis++) {
            g.setColor(axis == 0 ? LONG_AXIS : SHORT_AXIS);
            int o = axis * 4;
            g.draw(new Line2D.Double(x0 + size / 2.0 + (e[o] - cx) / step, y0 + size / 2.0 + (e[o + 1] - cy) / step,
                    x0 + size / 2.0 + (e[o + 2] - cx) / step, y0 + size / 2.0 + (e[o + 3] - cy) / step));
        }
        g.setColor(Color.DARK_GRAY);
        g.fillRect(x0, y0 + size, size, CAPTION_PX);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size >= 200 ? 10 : 9));
        double longMm = row.longDiameterPx() * row.spacing().x();
        g.drawString(String.format(Locale.ROOT, "%s %s %.0fmm", row.fileName().replace(".png", ""),
                row.coarseType().label(), longMm), x0 + 3, y0 + size + CAPTION_PX - 4);
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, size - 1, size + CAPTION_PX - 1);
    }

    /** Mean HU over a box of {@code step} pixels around a point, so a shrunk slice does not alias. */
    private static float average(HuSlice slice, double x, double y, double step) {
        if (step <= 1.2) {
            return slice.bilinear(x, y);
        }
        int n = (int) Math.min(4, Math.ceil(step));
        float sum = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                sum += slice.bilinear(x + ((a + 0.5) / n - 0.5) * step, y + ((b + 0.5) / n - 0.5) * step);
            }
        }
        return sum / (n * n);
    }
}
