package org.lesionsearch.server.api.example;

import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.server.api.error.ApiException;

/**
 * Where the lesion is on an uploaded slice, as the user drew it: a box, or a RECIST long axis
 * (a line across the lesion), in pixels of the slice, drawn in any direction.
 *
 * @param box the lesion's box; for a line, the square around it
 * @param longAxisPx the longest extent: the line's length or the box's longer side
 */
public record ExampleRegion(BoundingBox box, double longAxisPx) {

    static final double MIN_EXTENT_PX = 2;

    public double centerX() {
        return box.centerX();
    }

    public double centerY() {
        return box.centerY();
    }

    /**
     * @param boxText {@code x1,y1,x2,y2} or {@code null}
     * @param lineText {@code x1,y1,x2,y2} or {@code null}; exactly one of the two is given
     */
    public static ExampleRegion parse(String boxText, String lineText, int width, int height) {
        if ((boxText == null) == (lineText == null)) {
            throw ApiException.badRequest(boxText == null ? "box" : "line",
                    "give the lesion either as box=x1,y1,x2,y2 or as line=x1,y1,x2,y2 (its long axis), in pixels of the slice");
        }
        String field = boxText != null ? "box" : "line";
        double[] v = numbers(field, boxText != null ? boxText : lineText);
        for (int i = 0; i < 4; i++) {
            double limit = i % 2 == 0 ? width : height;
            if (v[i] < 0 || v[i] > limit) {
                throw ApiException.unprocessable(field, field + " point (" + v[i - i % 2] + ", " + v[i - i % 2 + 1]
                        + ") lies outside the " + width + "x" + height + " slice");
            }
        }
        double x1 = Math.min(v[0], v[2]), x2 = Math.max(v[0], v[2]), y1 = Math.min(v[1], v[3]), y2 = Math.max(v[1], v[3]);
        if (boxText != null) {
            if (x2 - x1 < MIN_EXTENT_PX || y2 - y1 < MIN_EXTENT_PX) {
                throw ApiException.unprocessable(field, "the box is smaller than " + (int) MIN_EXTENT_PX + " pixels; draw it around the lesion");
            }
            return new ExampleRegion(new BoundingBox(x1, y1, x2, y2), Math.max(x2 - x1, y2 - y1));
        }
        double length = Math.hypot(v[2] - v[0], v[3] - v[1]);
        if (length < MIN_EXTENT_PX) {
            throw ApiException.unprocessable(field, "the line is shorter than " + (int) MIN_EXTENT_PX + " pixels; draw it across the lesion");
        }
        double cx = (v[0] + v[2]) / 2, cy = (v[1] + v[3]) / 2, half = length / 2;
        return new ExampleRegion(new BoundingBox(cx - half, cy - half, cx + half, cy + half), length);
    }

    private static double[] numbers(String field, String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw ApiException.badRequest(field, field + " must be four numbers x1,y1,x2,y2, was '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(field, field + " must be four numbers x1,y1,x2,y2, was '" + text + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw ApiException.badRequest(field, field + " must be four finite numbers, was '" + text + "'");
            }
        }
        return v;
    }
}
