package org.lesionsearch.core.lesion;

/**
 * A RECIST measurement: long and short axis in mm and, when known, the two diameters' end
 * points in pixels of the key slice ({@code x11,y11,x12,y12,x21,y21,x22,y22}, DeepLesion order).
 */
public record Recist(double longAxisMm, double shortAxisMm, double[] endpointsPx) {

    public Recist {
        if (endpointsPx != null) {
            endpointsPx = endpointsPx.clone();
        }
    }

    public static Recist of(double longAxisMm, double shortAxisMm) {
        return new Recist(longAxisMm, shortAxisMm, null);
    }

    @Override
    public double[] endpointsPx() {
        return endpointsPx == null ? null : endpointsPx.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recist r && Double.compare(r.longAxisMm, longAxisMm) == 0
                && Double.compare(r.shortAxisMm, shortAxisMm) == 0
                && java.util.Arrays.equals(r.endpointsPx, endpointsPx);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(longAxisMm, shortAxisMm, java.util.Arrays.hashCode(endpointsPx));
    }

    @Override
    public String toString() {
        return "Recist[" + longAxisMm + " x " + shortAxisMm + " mm]";
    }
}
