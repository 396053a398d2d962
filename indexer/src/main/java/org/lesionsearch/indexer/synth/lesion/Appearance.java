package org.lesionsearch.indexer.synth.lesion;

/**
 * How a lesion's inside looks on non-contrast CT, in Hounsfield units.
 *
 * @param baseHu attenuation of the lesion's body
 * @param opacity how much of the underlying tissue it replaces (below 1 for ground-glass)
 * @param edgeMm width of the margin's blur (sharp cysts about 0.5, ground-glass several mm)
 * @param textureHu amplitude of mottled heterogeneity
 * @param rimFraction outer fraction of the radius drawn at {@code rimHu} (an enhancing rim), 0 for none
 * @param coreFraction inner fraction of the radius drawn at {@code coreHu} (necrosis), 0 for none
 * @param cavityFraction inner fraction filled with air (cavitation), 0 for none
 * @param calcification calcified part: 0 none, a fraction of the radius for a central calcification,
 *     or 1 for a fully calcified lesion
 */
public record Appearance(double baseHu, double opacity, double edgeMm, double textureHu, double rimFraction,
                         double rimHu, double coreFraction, double coreHu, double cavityFraction,
                         double calcification, double calcificationHu) {

    public static Appearance solid(double hu, double edgeMm) {
        return new Appearance(hu, 1, edgeMm, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Appearance withTexture(double hu) {
        return new Appearance(baseHu, opacity, edgeMm, hu, rimFraction, rimHu, coreFraction, coreHu, cavityFraction,
                calcification, calcificationHu);
    }

    public Appearance withRim(double fraction, double hu) {
        return new Appearance(baseHu, opacity, edgeMm, textureHu, fraction, hu, coreFraction, coreHu, cavityFraction,
                calcification, calcificationHu);
    }

    public Appearance withCore(double fraction, double hu) {
        return new Appearance(baseHu, opacity, edgeMm, textureHu, rimFraction, rimHu, fraction, hu, cavityFraction,
                calcification, calcificationHu);
    }

    public Appearance withCavity(double fraction) {
        return new Appearance(baseHu, opacity, edgeMm, textureHu, rimFraction, rimHu, coreFraction, coreHu, fraction,
                calcification, calcificationHu);
    }

    public Appearance withCalcification(double fraction, double hu) {
        return new Appearance(baseHu, opacity, edgeMm, textureHu, rimFraction, rimHu, coreFraction, coreHu,
                cavityFraction, fraction, hu);
    }
}
