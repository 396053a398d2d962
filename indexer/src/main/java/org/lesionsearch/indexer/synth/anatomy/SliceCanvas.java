package org.lesionsearch.indexer.synth.anatomy;

import java.util.Arrays;

/**
 * The buffers one axial slice is painted into, with the mapping from its pixels to the body's
 * own frame (mm: x to the patient's left, y to the back, s down from the lung apex).
 *
 * <p>Structures paint in order, each over what was painted before (optionally only over given
 * organs), so the organ map always says what a pixel shows. One canvas per thread, reused.
 */
public final class SliceCanvas {

    private final int width;
    private final int height;
    private final float[] hu;
    private final byte[] organ;
    private final short[] lesion;

    private double s;
    private double thickness;
    private double pixelSpacing;
    // body = b0 + bi * i + bj * j for pixel column i and row j
    private double bx0, bxi, bxj, by0, byi, byj;
    // scanner (table) frame of pixels: X = sx0 + i * pixelSpacing, Y = sy0 + j * pixelSpacing
    private double sx0, sy0;
    // pixel bounds found by bound()
    private int i0, i1, j0, j1;

    public SliceCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.hu = new float[width * height];
        this.organ = new byte[width * height];
        this.lesion = new short[width * height];
    }

    /**
     * Places the slice: body s of the slice centre, its thickness, pixel spacing, scanner position
     * of pixel (0, 0), and the patient's pose (body frame rotated by {@code yaw} then translated by
     * {@code (tx, ty)} gives scanner coordinates).
     */
    public void place(double s, double thicknessMm, double pixelSpacingMm, double originX, double originY,
                      double tx, double ty, double yaw) {
        this.s = s;
        this.thickness = thicknessMm;
        this.pixelSpacing = pixelSpacingMm;
        this.sx0 = originX;
        this.sy0 = originY;
        double c = Math.cos(yaw), sn = Math.sin(yaw);
        // body = R^T (scanner - t)
        double ox = originX - tx, oy = originY - ty;
        bx0 = c * ox + sn * oy;
        by0 = -sn * ox + c * oy;
        bxi = c * pixelSpacingMm;
        bxj = sn * pixelSpacingMm;
        byi = -sn * pixelSpacingMm;
        byj = c * pixelSpacingMm;
    }

    public void clear() {
        Arrays.fill(hu, Tissue.AIR.hu());
        Arrays.fill(organ, Organ.OUTSIDE.code());
        Arrays.fill(lesion, (short) 0);
    }

    /**
     * Sets {@link #i0()}..{@link #i1()} and {@link #j0()}..{@link #j1()} to the pixels covering a
     * body-frame box; false when the box misses the slice.
     */
    public boolean bound(double minX, double minY, double maxX, double maxY) {
        double det = bxi * byj - bxj * byi;
        double minI = Double.POSITIVE_INFINITY, maxI = Double.NEGATIVE_INFINITY;
        double minJ = Double.POSITIVE_INFINITY, maxJ = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double x = (corner & 1) == 0 ? minX : maxX;
            double y = (corner & 2) == 0 ? minY : maxY;
            double dx = x - bx0, dy = y - by0;
            double i = (dx * byj - dy * bxj) / det;
            double j = (dy * bxi - dx * byi) / det;
            minI = Math.min(minI, i);
            maxI = Math.max(maxI, i);
            minJ = Math.min(minJ, j);
            maxJ = Math.max(maxJ, j);
        }
        i0 = (int) Math.max(0, Math.floor(minI));
        i1 = (int) Math.min(width - 1, Math.ceil(maxI));
        j0 = (int) Math.max(0, Math.floor(minJ));
        j1 = (int) Math.min(height - 1, Math.ceil(maxJ));
        return i0 <= i1 && j0 <= j1;
    }

    public double bodyX(double i, double j) {
        return bx0 + bxi * i + bxj * j;
    }

    public double bodyY(double i, double j) {
        return by0 + byi * i + byj * j;
    }

    /** Change of body x per pixel column. */
    public double dxPerColumn() {
        return bxi;
    }

    /** Change of body y per pixel column. */
    public double dyPerColumn() {
        return byi;
    }

    public double scannerX(int i) {
        return sx0 + i * pixelSpacing;
    }

    public double scannerY(int j) {
        return sy0 + j * pixelSpacing;
    }

    public int i0() {
        return i0;
    }

    public int i1() {
        return i1;
    }

    public int j0() {
        return j0;
    }

    public int j1() {
        return j1;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double s() {
        return s;
    }

    public double thickness() {
        return thickness;
    }

    public double pixelSpacing() {
        return pixelSpacing;
    }

    /** Noise-free Hounsfield units, row-major; painted in place. */
    public float[] hu() {
        return hu;
    }

    /** {@link Organ#code()} of each pixel. */
    public byte[] organ() {
        return organ;
    }

    /** 1 + the index of the lesion covering each pixel (more than half), 0 where none. */
    public short[] lesion() {
        return lesion;
    }

    /** Paints one pixel if its organ is in {@code under} (a {@link Organ#mask} bit set). */
    public void paint(int index, float value, Organ what, long under) {
        if ((under & (1L << organ[index])) != 0) {
            hu[index] = value;
            organ[index] = what.code();
        }
    }

    public boolean isUnder(int index, long under) {
        return (under & (1L << organ[index])) != 0;
    }
}
