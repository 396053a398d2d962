package org.lesionsearch.indexer.synth.anatomy;

/** One part of the body phantom that paints itself into slices, in the phantom's painting order. */
public sealed interface Structure permits OrganBlob, Tube, VesselTree, RibCage, Spine, ArcBand {

    /** Paints this structure's cross-section at the canvas's height over what is there. */
    void paint(SliceCanvas canvas);

    /** The organ this structure puts at a body point, or {@code null} where it paints nothing (clipping ignored). */
    Organ organAt(double x, double y, double s);

    /** Body-frame box holding the structure: {@code {minX, maxX, minY, maxY, minS, maxS}}. */
    double[] extent();

    /** The organs ({@link Organ#mask}) this structure may paint over. */
    long under();

    /** Every organ: paint over anything. */
    long ANYWHERE = -1L;
}
