package org.lesionsearch.indexer.synth.anatomy;

/**
 * Heights (body s, mm down from the lung apex) of the landmarks that scale the body's
 * craniocaudal axis, and the normalised z they map to.
 */
public record Landmarks(double lungApex, double carina, double liverDome, double lungBase, double iliacCrest,
                        double pubis) {

    /** Normalised z of the lung apex and of the pubic symphysis, matching DeepLesion's body-part scores. */
    public static final double Z_APEX = 0.33;
    public static final double Z_PUBIS = 0.86;

    /**
     * The normalised z of a height: linear between the lung apex and the pubic symphysis, the way
     * a body-part regressor ranks slices regardless of patient size.
     */
    public double normalisedZ(double s) {
        return Z_APEX + (Z_PUBIS - Z_APEX) * (s - lungApex) / (pubis - lungApex);
    }
}
