package org.lesionsearch.indexer.source;

/**
 * How far from the key slice the neighbour slices of a patch are taken: about 2 mm (3DCE's
 * interval), never less than the adjacent slice and never more than two slices away, which is
 * what a DeepLesion key slice with two neighbours each way offers.
 */
final class NeighbourSlices {

    static final double INTERVAL_MM = 2.0;
    static final int MAX_OFFSET = 2;

    private NeighbourSlices() {
    }

    /** Slices between the key slice and each neighbour, or 0 when the interval is unknown. */
    static int offset(double sliceIntervalMm) {
        if (!(sliceIntervalMm > 0) || !Double.isFinite(sliceIntervalMm)) {
            return 0;
        }
        long offset = Math.round(INTERVAL_MM / sliceIntervalMm);
        return (int) Math.max(1, Math.min(MAX_OFFSET, offset));
    }
}
