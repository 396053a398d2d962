package org.lesionsearch.indexer.patch;

import java.util.Optional;

/**
 * The body's box in a slice: the largest connected region denser than fat-and-air mixtures,
 * found on a coarse grid so that the table and stray air pockets do not count. DeepLesion
 * normalises a lesion's x and y to this box.
 */
public record BodyExtent(double x1, double y1, double x2, double y2) {

    /** Tissue is denser than this; air, lung aside, and the gap to the table are not. */
    static final float BODY_THRESHOLD_HU = -500f;
    private static final int GRID = 128;

    public static Optional<BodyExtent> of(HuSlice slice) {
        int step = Math.max(1, Math.max(slice.width(), slice.height()) / GRID);
        int w = (slice.width() + step - 1) / step, h = (slice.height() + step - 1) / step;
        boolean[] inside = new boolean[w * h];
        for (int gy = 0; gy < h; gy++) {
            for (int gx = 0; gx < w; gx++) {
                inside[gy * w + gx] = slice.at(Math.min(gx * step + step / 2, slice.width() - 1),
                        Math.min(gy * step + step / 2, slice.height() - 1)) > BODY_THRESHOLD_HU;
            }
        }
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int best = 0, bestSize = 0, next = 0;
        int[] box = null;
        for (int start = 0; start < inside.length; start++) {
            if (!inside[start] || label[start] != 0) {
                continue;
            }
            next++;
            int size = 0, top = 0, minX = w, minY = h, maxX = -1, maxY = -1;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                size++;
                int px = p % w, py = p / w;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                if (px > 0) top = push(inside, label, stack, top, p - 1, next);
                if (px < w - 1) top = push(inside, label, stack, top, p + 1, next);
                if (py > 0) top = push(inside, label, stack, top, p - w, next);
                if (py < h - 1) top = push(inside, label, stack, top, p + w, next);
            }
            if (size > bestSize) {
                bestSize = size;
                best = next;
                box = new int[] {minX, minY, maxX, maxY};
            }
        }
        if (best == 0 || bestSize < 16) {
            return Optional.empty();
        }
        return Optional.of(new BodyExtent(box[0] * step, box[1] * step,
                Math.min(slice.width() - 1, box[2] * step + step - 1), Math.min(slice.height() - 1, box[3] * step + step - 1)));
    }

    private static int push(boolean[] inside, int[] label, int[] stack, int top, int q, int id) {
        if (inside[q] && label[q] == 0) {
            label[q] = id;
            stack[top++] = q;
        }
        return top;
    }

    /** A pixel's x relative to the body, clamped to [0, 1]. */
    public double normalizeX(double x) {
        return clamp((x - x1) / Math.max(1, x2 - x1));
    }

    /** A pixel's y relative to the body, clamped to [0, 1]. */
    public double normalizeY(double y) {
        return clamp((y - y1) / Math.max(1, y2 - y1));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
