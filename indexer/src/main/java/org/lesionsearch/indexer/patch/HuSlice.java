package org.lesionsearch.indexer.patch;

/**
 * One CT slice in Hounsfield units, row-major, with its in-plane pixel spacing.
 *
 * @param source where the slice came from (a file or an instance UID), for error messages
 * @param hu {@code width * height} values, row by row
 * @param spacingX mm between pixel centres along a row
 * @param spacingY mm between rows
 */
public record HuSlice(String source, int width, int height, float[] hu, double spacingX, double spacingY) {

    /** What lies outside the reconstructed field: air. */
    public static final float OUTSIDE_HU = -1024f;

    public HuSlice {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(source + ": slice size must be positive, was " + width + "x" + height);
        }
        if (hu == null || hu.length != width * height) {
            throw new IllegalArgumentException(source + ": expected " + width * height + " HU values for a "
                    + width + "x" + height + " slice, got " + (hu == null ? 0 : hu.length));
        }
        if (!(spacingX > 0 && spacingY > 0 && Double.isFinite(spacingX) && Double.isFinite(spacingY))) {
            throw new IllegalArgumentException(source + ": pixel spacing must be positive and finite, was "
                    + spacingX + " x " + spacingY + " mm");
        }
    }

    /** The value at a pixel, or {@link #OUTSIDE_HU} outside the slice. */
    public float at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? OUTSIDE_HU : hu[y * width + x];
    }

    /** Bilinear interpolation at a continuous position, pixel centres at integer coordinates. */
    public float bilinear(double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        float fx = (float) (x - x0), fy = (float) (y - y0);
        float v00, v10, v01, v11;
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
            int i = y0 * width + x0;
            v00 = hu[i];
            v10 = hu[i + 1];
            v01 = hu[i + width];
            v11 = hu[i + width + 1];
        } else {
            v00 = at(x0, y0);
            v10 = at(x0 + 1, y0);
            v01 = at(x0, y0 + 1);
            v11 = at(x0 + 1, y0 + 1);
        }
        float top = v00 + (v10 - v00) * fx;
        float bottom = v01 + (v11 - v01) * fx;
        return top + (bottom - top) * fy;
    }
}
