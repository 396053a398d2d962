package org.lesionsearch.indexer.synth.anatomy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.lesion.Sex;

/**
 * One patient's body phantom: structures in painting order plus the named parts lesions are
 * placed in and labelled by.
 *
 * @param body the skin outline
 * @param lungs right lung then left lung
 * @param liverLobes right lobe then left lobe
 * @param pancreas the pancreas centre line, head first
 * @param maxBackY the most posterior point of the body, where it rests on the table
 */
public record Anatomy(Sex sex, List<Structure> structures, Landmarks landmarks, KeyframedShape body,
                      List<KeyframedShape> lungs, List<KeyframedShape> liverLobes, Tube pancreas, Spine spine,
                      RibCage ribCage, Map<Station, double[]> stations, Map<Organ, double[]> extents,
                      double maxBackY, double maxHalfWidth) {

    public Anatomy {
        structures = List.copyOf(structures);
        lungs = List.copyOf(lungs);
        liverLobes = List.copyOf(liverLobes);
        stations = Map.copyOf(stations);
        extents = java.util.Collections.unmodifiableMap(new EnumMap<>(extents));
    }

    /** Paints every structure at the canvas's height (the canvas must be cleared and placed). */
    public void paint(SliceCanvas canvas) {
        for (Structure s : structures) {
            s.paint(canvas);
        }
    }

    /** What a body point shows: the last structure that paints there over what was painted before. */
    public Organ organAt(double x, double y, double s) {
        Organ current = Organ.OUTSIDE;
        for (Structure st : structures) {
            if ((st.under() & (1L << current.ordinal())) == 0) {
                continue;
            }
            Organ o = st.organAt(x, y, s);
            if (o != null) {
                current = o;
            }
        }
        return current;
    }

    /** Body-frame box of an organ, {@code {minX, maxX, minY, maxY, minS, maxS}}, or null if absent. */
    public double[] extent(Organ organ) {
        double[] e = extents.get(organ);
        return e == null ? null : e.clone();
    }
}
