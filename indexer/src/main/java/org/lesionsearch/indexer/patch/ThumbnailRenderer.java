package org.lesionsearch.indexer.patch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import org.lesionsearch.core.lesion.BoundingBox;

/**
 * Renders the picture of a lesion for the web page: a square crop of the key slice around the
 * lesion, in the radiologist's window, as an 8-bit PNG with the RECIST diameters drawn on it
 * (long axis red, short axis cyan).
 */
public final class ThumbnailRenderer {

    /** The crop shows this many times the lesion's extent, so that its surroundings are visible. */
    private static final double CONTEXT = 2.5;
    private static final Color LONG_AXIS = new Color(255, 64, 64);
    private static final Color SHORT_AXIS = new Color(64, 224, 255);

    private final int sizePx;
    private final double minFieldMm;

    public ThumbnailRenderer(int sizePx, double minFieldMm) {
        if (sizePx < 16 || !(minFieldMm > 0)) {
            throw new IllegalArgumentException("a thumbnail needs at least 16 pixels and a positive field");
        }
        this.sizePx = sizePx;
        this.minFieldMm = minFieldMm;
    }

    public static ThumbnailRenderer defaults() {
        return new ThumbnailRenderer(128, 40);
    }

    public int sizePx() {
        return sizePx;
    }

    /**
     * @param box the lesion box in key-slice pixels
     * @param recistPx diameters' end points in key-slice pixels, 4 or 8 numbers, or {@code null}
     */
    public BufferedImage render(HuSlice key, BoundingBox box, double[] recistPx, HuWindow window) {
        double extentMm = Math.max(box.width() * key.spacingX(), box.height() * key.spacingY());
        double fieldMm = Math.max(minFieldMm, CONTEXT * extentMm);
        double mmPerPx = fieldMm / sizePx;
        double stepX = mmPerPx / key.spacingX(), stepY = mmPerPx / key.spacingY();
        double half = (sizePx - 1) / 2.0;
        double cx = box.centerX(), cy = box.centerY();
        BufferedImage image = new BufferedImage(sizePx, sizePx, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < sizePx; j++) {
            double y = cy + (j - half) * stepY;
            for (int i = 0; i < sizePx; i++) {
                byte v = (byte) Math.round(255 * window.apply(key.bilinear(cx + (i - half) * stepX, y)));
                int p = 3 * (j * sizePx + i);
                pixels[p] = v;
                pixels[p + 1] = v;
                pixels[p + 2] = v;
            }
        }
        if (recistPx != null && (recistPx.length == 4 || recistPx.length == 8)) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setStroke(new BasicStroke(1.5f));
                for (int axis = 0; axis < recistPx.length / 4; axis++) {
                    g.setColor(axis == 0 ? LONG_AXIS : SHORT_AXIS);
                    int o = axis * 4;
                    g.draw(new Line2D.Double(
                            half + (recistPx[o] - cx) / stepX, half + (recistPx[o + 1] - cy) / stepY,
                            half + (recistPx[o + 2] - cx) / stepX, half + (recistPx[o + 3] - cy) / stepY));
                }
            } finally {
                g.dispose();
            }
        }
        return image;
    }

    public byte[] renderPng(HuSlice key, BoundingBox box, double[] recistPx, HuWindow window) {
        return RgbPngEncoder.encode(render(key, box, recistPx, window));
    }
}
