package org.lesionsearch.indexer.synth.anatomy;

/**
 * What each pixel of a rendered slice shows, for placing lesions and for checking the phantom:
 * each organ with the Hounsfield range its noise-free pixels fall in (mixed-tissue organs such
 * as bone span their tissues).
 */
public enum Organ {
    OUTSIDE(-1000, -1000),
    TABLE(-1000, 300),
    SUBCUTANEOUS_FAT(-100, -100),
    MUSCLE(40, 40),
    AXILLARY_FAT(-100, -100),
    VISCERAL_FAT(-100, -100),
    LUNG(-850, -850),
    LUNG_VESSEL(-850, 40),
    AIRWAY(-1000, 40),
    ESOPHAGUS(-1000, 40),
    HEART(40, 40),
    PERICARDIAL_FAT(-100, -100),
    AORTA(40, 40),
    VENA_CAVA(40, 40),
    PULMONARY_ARTERY(40, 40),
    ILIAC_VESSEL(40, 40),
    RIB(120, 1100),
    STERNUM(420, 1100),
    SCAPULA(420, 1100),
    VERTEBRA(80, 1100),
    SPINAL_CANAL(10, 32),
    PELVIC_BONE(420, 1100),
    SACRUM(420, 1100),
    FEMUR(420, 1100),
    LIVER(60, 60),
    HEPATIC_VESSEL(40, 60),
    GALLBLADDER(10, 40),
    SPLEEN(50, 50),
    KIDNEY(24, 36),
    RENAL_SINUS(-100, -100),
    PANCREAS(40, 40),
    STOMACH(-1000, 40),
    BOWEL(-1000, 40),
    COLON(-1000, 40),
    PSOAS(40, 40),
    PARASPINAL_MUSCLE(40, 40),
    BLADDER(5, 40),
    PROSTATE(40, 40),
    UTERUS(40, 40);

    private final float minHu;
    private final float maxHu;

    Organ(float minHu, float maxHu) {
        this.minHu = minHu;
        this.maxHu = maxHu;
    }

    /** The lowest noise-free value of this organ's pixels. */
    public float minHu() {
        return minHu;
    }

    /** The highest noise-free value of this organ's pixels. */
    public float maxHu() {
        return maxHu;
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static Organ of(byte code) {
        return VALUES[code];
    }

    /** A set of organs as a bit mask, for "paint only over these" clipping. */
    public static long mask(Organ... organs) {
        long m = 0;
        for (Organ o : organs) {
            m |= 1L << o.ordinal();
        }
        return m;
    }

    private static final Organ[] VALUES = values();

    static {
        if (VALUES.length > 64) {
            throw new IllegalStateException("organ masks hold at most 64 organs");
        }
    }
}
