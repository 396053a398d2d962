package org.lesionsearch.indexer.patch;

/**
 * The slices a lesion's patch is cut from: the key slice and, when the source has them, the
 * neighbour slices below and above it (both or neither).
 */
public record LesionSlices(HuSlice key, HuSlice below, HuSlice above) {

    public LesionSlices {
        if (key == null) {
            throw new IllegalArgumentException("the key slice is missing");
        }
        if ((below == null) != (above == null)) {
            throw new IllegalArgumentException(key.source() + ": give both neighbour slices or neither");
        }
    }

    public static LesionSlices keyOnly(HuSlice key) {
        return new LesionSlices(key, null, null);
    }

    /** Both neighbours present and of the key slice's geometry, so that pixel coordinates agree. */
    public boolean hasNeighbours() {
        return below != null && sameGeometry(key, below) && sameGeometry(key, above);
    }

    private static boolean sameGeometry(HuSlice a, HuSlice b) {
        return a.width() == b.width() && a.height() == b.height()
                && Math.abs(a.spacingX() - b.spacingX()) < 1e-3 && Math.abs(a.spacingY() - b.spacingY()) < 1e-3;
    }
}
