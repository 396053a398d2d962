package org.lesionsearch.indexer.synth.anatomy;

/** Noise-free attenuation of the tissues the phantom is made of, in Hounsfield units (non-contrast CT). */
public enum Tissue {
    AIR(-1000),
    LUNG(-850),
    FAT(-100),
    MUSCLE(40),
    SOFT_TISSUE(40),
    BLOOD(40),
    LIVER(60),
    SPLEEN(50),
    KIDNEY_MEDULLA(24),
    KIDNEY_CORTEX(36),
    PANCREAS(40),
    WATER(5),
    BILE(10),
    CSF(10),
    SPINAL_CORD(32),
    BOWEL_FLUID(15),
    FECES(-60),
    CARTILAGE(120),
    DISC(80),
    BONE_MARROW(420),
    BONE_CORTEX(1100),
    TABLE(250);

    private final float hu;

    Tissue(float hu) {
        this.hu = hu;
    }

    public float hu() {
        return hu;
    }
}
