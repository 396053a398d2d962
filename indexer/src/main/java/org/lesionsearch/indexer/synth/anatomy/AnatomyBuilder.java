package org.lesionsearch.indexer.synth.anatomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.synth.Seed;
import org.lesionsearch.indexer.synth.anatomy.KeyframedShape.Keyframe;

/**
 * Builds one patient's phantom from an average adult trunk (in mm, body frame: x to the
 * patient's left, y to the back, s down from the lung apex), scaled by the patient's height and
 * build, with every organ moved and resized a little, and the subcutaneous fat of the patient's
 * habitus.
 */
public final class AnatomyBuilder {

    private static final long SOFT = Organ.mask(Organ.VISCERAL_FAT, Organ.LUNG, Organ.LUNG_VESSEL, Organ.MUSCLE,
            Organ.PERICARDIAL_FAT);
    private static final long CAVITY = Organ.mask(Organ.VISCERAL_FAT);

    private final SplittableRandom rnd;
    private final Sex sex;
    private final double sx, sy, sz, fat;
    private double jx, jy, js, jr = 1;
    private final List<Structure> structures = new ArrayList<>();
    private final Map<Organ, double[]> extents = new EnumMap<>(Organ.class);
    private final Map<Station, double[]> stations = new EnumMap<>(Station.class);

    private AnatomyBuilder(Seed seed, Sex sex) {
        this.rnd = seed.random();
        this.sex = sex;
        this.sz = gauss(1, 0.05, 0.9, 1.1);
        this.sx = gauss(sex == Sex.F ? 0.94 : 1.0, 0.06, 0.84, 1.12);
        this.sy = gauss(sx, 0.05, 0.85, 1.15);
        this.fat = 6 + 30 * Math.pow(rnd.nextDouble(), 1.6) + (sex == Sex.F ? 4 : 0);
    }

    /** The phantom of one patient; the same seed and sex give the same body. */
    public static Anatomy build(Seed seed, Sex sex) {
        return new AnatomyBuilder(seed, sex).build();
    }

    // canonical muscle-wall outline: s, half width, half depth, centre y
    private static final double[][] WALL = {
        {-80, 60, 52, -4}, {-45, 100, 68, 0}, {-10, 138, 88, 0}, {40, 150, 100, 0}, {120, 155, 108, 0},
        {200, 152, 112, 0}, {260, 148, 112, 0}, {330, 140, 106, 0}, {400, 145, 104, 0}, {460, 160, 104, 3},
        {540, 166, 104, 5}, {620, 160, 100, 5}, {720, 150, 95, 5}};

    private Anatomy build() {
        KeyframedShape wall = outline(0, 0, 0);
        KeyframedShape body = outline(fat, 0.25, 0);
        KeyframedShape cavity = cavity();

        add(OrganBlob.solid(body, Organ.SUBCUTANEOUS_FAT, Tissue.FAT, Structure.ANYWHERE));
        add(OrganBlob.solid(wall, Organ.MUSCLE, Tissue.MUSCLE, Organ.mask(Organ.SUBCUTANEOUS_FAT)));
        axillae();
        scapulae();
        add(OrganBlob.solid(cavity, Organ.VISCERAL_FAT, Tissue.FAT, Organ.mask(Organ.MUSCLE)));
        paraspinalMuscles();
        List<KeyframedShape> lungs = lungs();
        mediastinum();
        heart();
        List<KeyframedShape> liver = liver();
        spleenAndStomach();
        kidneys();
        Tube pancreas = pancreas();
        bladderAndGenitals();
        bowel();
        psoas();
        greatVessels();
        airwaysAndEsophagus();
        RibCage ribs = ribs(cavity);
        sternum();
        Spine spine = spine();
        pelvis();
        stations();

        Landmarks landmarks = new Landmarks(s(-15), s(85), s(185), s(290), s(425), s(600));
        double maxBack = 0, maxHalfWidth = 0;
        for (Keyframe f : body.frames()) {
            maxBack = Math.max(maxBack, f.cy() + 0.93 * f.ry());
            maxHalfWidth = Math.max(maxHalfWidth, f.rx());
        }
        return new Anatomy(sex, structures, landmarks, body, lungs, liver, pancreas, spine, ribs, stations, extents,
                maxBack, maxHalfWidth);
    }

    // ---- trunk ----

    /** The muscle wall grown by {@code grow} mm (more over the belly), cut flat at the back. */
    private KeyframedShape outline(double grow, double bellyExtra, double shrink) {
        List<Keyframe> frames = new ArrayList<>();
        for (double[] w : WALL) {
            double belly = w[0] > 250 && w[0] < 560 ? 1 + bellyExtra : 1;
            double g = grow * belly;
            frames.add(new Keyframe(s(w[0]), 0, w[3] * sy - (belly - 1) * grow * 0.5, w[1] * sx + g - shrink,
                    w[2] * sy + g * (1 + (belly - 1) * 0.5) - shrink));
        }
        return new KeyframedShape(frames, new Harmonics(new double[] {0, 0.025}, new double[] {0, 0}), 0.93);
    }

    private KeyframedShape cavity() {
        double[][] c = { // s, half width, half depth, centre y
            {-25, 40, 35, 10}, {-10, 108, 70, 0}, {40, 139, 86, -8}, {120, 145, 94, -8}, {200, 142, 97, -8},
            {260, 137, 96, -9}, {330, 129, 90, -10}, {400, 132, 85, -12}, {460, 122, 70, -18}, {520, 98, 62, -15},
            {580, 66, 52, -14}, {640, 48, 42, -10}, {660, 30, 25, -10}};
        List<Keyframe> frames = new ArrayList<>();
        for (double[] f : c) {
            frames.add(new Keyframe(s(f[0]), 0, f[3] * sy, f[1] * sx, f[2] * sy));
        }
        return new KeyframedShape(frames, Harmonics.NONE);
    }

    private void axillae() {
        for (int side = -1; side <= 1; side += 2) {
            jitter(4, 0.1);
            double x = side * 128;
            add(OrganBlob.solid(new KeyframedShape(List.of(kf(-20, x, 8, 6, 10), kf(20, x, 5, 22, 34),
                    kf(60, x, 5, 20, 30), kf(95, x, 8, 6, 10)), Harmonics.random(rnd, 2, 0.08)),
                    Organ.AXILLARY_FAT, Tissue.FAT, Organ.mask(Organ.MUSCLE)));
        }
        noJitter();
    }

    private void scapulae() {
        noJitter();
        List<ArcBand.Frame> frames = List.of(
                new ArcBand.Frame(s(-30), 0, 0, 140 * sx, 100 * sy, 0.55, 1.05, 6),
                new ArcBand.Frame(s(40), 0, 0, 147 * sx, 106 * sy, 0.42, 1.2, 5),
                new ArcBand.Frame(s(110), 0, 0, 148 * sx, 108 * sy, 0.48, 0.8, 4),
                new ArcBand.Frame(s(130), 0, 0, 148 * sx, 108 * sy, 0.6, 0.68, 3));
        add(new ArcBand(frames, Organ.SCAPULA, Organ.mask(Organ.MUSCLE, Organ.SUBCUTANEOUS_FAT, Organ.AXILLARY_FAT)));
    }

    private void paraspinalMuscles() {
        for (int side = -1; side <= 1; side += 2) {
            jitter(2, 0.06);
            double x = side * 32;
            add(OrganBlob.solid(new KeyframedShape(List.of(kf(-80, x, 48, 20, 18), kf(0, x, 72, 24, 20),
                    kf(150, x, 82, 26, 20), kf(300, x, 75, 30, 24), kf(420, x, 72, 30, 24), kf(520, x, 78, 22, 16),
                    kf(580, x, 80, 12, 8)), Harmonics.random(rnd, 2, 0.05)),
                    Organ.PARASPINAL_MUSCLE, Tissue.MUSCLE, Organ.mask(Organ.MUSCLE, Organ.VISCERAL_FAT)));
        }
        noJitter();
    }

    // ---- chest ----

    private List<KeyframedShape> lungs() {
        List<KeyframedShape> lungs = new ArrayList<>();
        double[][] f = { // s, |cx|, cy, rx, ry
            {-15, 32, 25, 14, 16}, {0, 42, 18, 28, 32}, {30, 58, 10, 44, 55}, {80, 70, 5, 55, 75},
            {140, 78, 5, 62, 85}, {200, 80, 14, 62, 80}, {240, 82, 35, 58, 60}, {270, 85, 55, 50, 42},
            {295, 85, 66, 30, 20}};
        for (int side = -1; side <= 1; side += 2) {
            jitter(4, 0.05);
            List<Keyframe> frames = new ArrayList<>();
            double lift = side < 0 ? -8 : 0; // the right dome sits higher, pushed up by the liver
            for (double[] k : f) {
                frames.add(kf(k[0] + (k[0] > 200 ? lift : 0), side * k[1], k[2], k[3], k[4]));
            }
            KeyframedShape lung = new KeyframedShape(frames, Harmonics.random(rnd, 3, 0.04));
            lungs.add(lung);
            add(OrganBlob.solid(lung, Organ.LUNG, Tissue.LUNG, CAVITY));
        }
        noJitter();
        for (int side = -1; side <= 1; side += 2) {
            KeyframedShape lung = lungs.get(side < 0 ? 0 : 1);
            double[] hilum = {side * 48 * sx, 8 * sy, s(105)};
            // pulmonary vessels run mostly up and down from the hilum, so axial slices cut them into dots
            List<double[]> directions = List.of(dir(0, -0.2, -1), dir(side * 0.3, 0.3, -0.9), dir(side * 0.5, -0.5, -0.7),
                    dir(side * 0.8, 0, 0.3), dir(side * 0.4, -0.6, 0.7), dir(side * 0.3, 0.6, 0.75), dir(side * 0.1, 0.25, 1),
                    dir(side * 0.6, 0.4, 0.7), dir(side * 0.5, -0.2, 0.85), dir(side * 0.4, -0.3, -0.85),
                    dir(side * 0.6, 0.2, -0.7), dir(side * 0.2, 0.5, -0.85));
            VesselTree tree = VesselTree.grow(rnd, hilum, directions, 4.2, 22, lung::contains, Organ.LUNG_VESSEL,
                    Tissue.BLOOD, Organ.mask(Organ.LUNG));
            add(tree);
        }
        return lungs;
    }

    /** The fat column between the lungs, from sternum to spine, that the heart and great vessels sit in. */
    private void mediastinum() {
        jitter(3, 0.06);
        add(OrganBlob.solid(new KeyframedShape(List.of(kf(-25, 4, 8, 14, 30), kf(10, 4, 2, 22, 60), kf(60, 5, -2, 26, 78),
                kf(110, 8, -4, 30, 86), kf(160, 12, -6, 34, 90), kf(210, 10, -4, 30, 86), kf(245, 6, 10, 16, 60)),
                Harmonics.random(rnd, 2, 0.04)), Organ.VISCERAL_FAT, Tissue.FAT, Organ.mask(Organ.LUNG, Organ.LUNG_VESSEL)));
        noJitter();
    }

    private void heart() {
        jitter(5, 0.07);
        double angle = -0.55 + rnd.nextDouble(-0.1, 0.1);
        add(OrganBlob.solid(KeyframedShape.ellipsoid(18 * sx + jx, -22 * sy + jy, s(165) + js, 67 * sx * jr,
                        53 * sy * jr, 57 * sz * jr, angle, Harmonics.random(rnd, 2, 0.04)),
                Organ.PERICARDIAL_FAT, Tissue.FAT, SOFT));
        add(OrganBlob.solid(KeyframedShape.ellipsoid(18 * sx + jx, -22 * sy + jy, s(165) + js, 61 * sx * jr,
                        47 * sy * jr, 52 * sz * jr, angle, Harmonics.random(rnd, 2, 0.04)),
                Organ.HEART, Tissue.BLOOD, SOFT | Organ.mask(Organ.PERICARDIAL_FAT)));
        noJitter();
    }

    private void greatVessels() {
        long under = SOFT | Organ.mask(Organ.PERICARDIAL_FAT, Organ.LIVER, Organ.HEPATIC_VESSEL, Organ.PSOAS,
                Organ.BOWEL, Organ.COLON);
        jitter(3, 0.08);
        add(Tube.solid(List.of(pt(8, -12, 150, 13), pt(5, -16, 80, 14), pt(2, -12, 45, 14), pt(10, 2, 30, 13),
                pt(22, 20, 36, 12), pt(26, 32, 55, 12), pt(24, 36, 150, 12), pt(16, 30, 250, 11), pt(8, 14, 320, 10.5),
                pt(5, 8, 420, 9.5)), Organ.AORTA, Tissue.BLOOD, under));
        for (int side = -1; side <= 1; side += 2) {
            add(Tube.solid(List.of(pt(5, 8, 420, 7), pt(side * 35, 8, 470, 6.5), pt(side * 66, -6, 540, 5.5),
                    pt(side * 80, -45, 625, 5)), Organ.ILIAC_VESSEL, Tissue.BLOOD, under));
            add(Tube.solid(List.of(pt(-18, 14, 420, 8), pt(side * 30, 16, 470, 7), pt(side * 60, 2, 540, 6.5),
                    pt(side * 72, -38, 625, 6)), Organ.ILIAC_VESSEL, Tissue.BLOOD, under));
        }
        add(Tube.solid(List.of(pt(-22, -8, -30, 8), pt(-25, -6, 130, 10), pt(-28, -8, 150, 11)), Organ.VENA_CAVA,
                Tissue.BLOOD, under));
        add(Tube.solid(List.of(pt(-22, 0, 205, 11), pt(-22, 25, 260, 12), pt(-20, 20, 330, 11), pt(-18, 14, 420, 10)),
                Organ.VENA_CAVA, Tissue.BLOOD, under));
        add(Tube.solid(List.of(pt(12, -42, 150, 13), pt(15, -25, 102, 13), pt(45, 2, 96, 9)), Organ.PULMONARY_ARTERY,
                Tissue.BLOOD, under));
        add(Tube.solid(List.of(pt(12, -22, 102, 11), pt(-40, -4, 106, 9)), Organ.PULMONARY_ARTERY, Tissue.BLOOD, under));
        noJitter();
    }

    private void airwaysAndEsophagus() {
        long under = SOFT | Organ.mask(Organ.PERICARDIAL_FAT);
        jitter(2, 0.05);
        add(new Tube(List.of(pt(0, 0, -90, 9), pt(0, 5, 85, 9.5)), Organ.AIRWAY, Tissue.AIR, 2, Tissue.SOFT_TISSUE,
                Double.NaN, null, under));
        add(new Tube(List.of(pt(0, 5, 85, 7), pt(-42, 14, 112, 5.5)), Organ.AIRWAY, Tissue.AIR, 1.5,
                Tissue.SOFT_TISSUE, Double.NaN, null, under));
        add(new Tube(List.of(pt(0, 5, 85, 6.5), pt(42, 20, 120, 5)), Organ.AIRWAY, Tissue.AIR, 1.5,
                Tissue.SOFT_TISSUE, Double.NaN, null, under));
        add(new Tube(List.of(pt(8, 22, -90, 7), pt(6, 26, 100, 7), pt(14, 30, 185, 7), pt(32, 8, 215, 8)),
                Organ.ESOPHAGUS, Tissue.AIR, 5, Tissue.SOFT_TISSUE, Double.NaN, null, under));
        noJitter();
    }

    private RibCage ribs(KeyframedShape cavity) {
        List<Keyframe> cage = new ArrayList<>();
        for (Keyframe f : cavity.frames()) {
            if (f.s() <= s(330)) {
                cage.add(new Keyframe(f.s(), f.cx(), f.cy() + 2, f.rx() + 6, f.ry() + 6));
            }
        }
        List<RibCage.Rib> ribs = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            for (int side = -1; side <= 1; side += 2) {
                double s0 = s(-14 + k * 21 + rnd.nextDouble(-2, 2));
                double drop = (125 + 5 * k) * sz;
                double psiEnd = k >= 10 ? 1.5 + 0.2 * (11 - k) : k >= 7 ? 2.45 : 2.8;
                double cartilage = k >= 10 ? 9 : psiEnd - (k < 7 ? 0.35 : 0.5);
                ribs.add(new RibCage.Rib(side, s0, drop, 0.32, psiEnd, cartilage, k < 2 ? 9 : 7.5, k < 2 ? 8.5 : 7));
            }
        }
        RibCage cageStructure = new RibCage(new KeyframedShape(cage, Harmonics.NONE), ribs, Structure.ANYWHERE);
        add(cageStructure);
        return cageStructure;
    }

    private void sternum() {
        jitter(2, 0.05);
        add(OrganBlob.rimmed(new KeyframedShape(List.of(kf(0, 0, -88, 8, 5), kf(10, 0, -92, 24, 9),
                kf(40, 0, -99, 17, 7.5), kf(120, 0, -105, 14, 7), kf(190, 0, -107, 12, 6), kf(210, 0, -104, 5, 4)),
                Harmonics.NONE), Organ.STERNUM, Tissue.BONE_MARROW, 1.6, Tissue.BONE_CORTEX, Structure.ANYWHERE));
        noJitter();
    }

    private Spine spine() {
        List<Spine.Level> levels = new ArrayList<>();
        double s = -45;
        String[] names = {"C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2",
            "L3", "L4", "L5"};
        for (int k = 0; k < names.length; k++) {
            boolean lumbar = names[k].startsWith("L");
            double height = lumbar ? 27 : 17 + 0.6 * k;
            double disc = lumbar ? 9 : 4 + 0.15 * k;
            double rx = lumbar ? 23 : 12 + 0.7 * k, ry = lumbar ? 17 : 10.5 + 0.45 * k;
            levels.add(new Spine.Level(names[k], s(s), s(s + height), disc * sz, rx * sx, ry * sy,
                    (lumbar ? 9.5 : 7.5) * sx, lumbar));
            s += height + disc;
        }
        List<double[]> path = List.of(new double[] {s(-80), 32 * sy}, new double[] {s(0), 46 * sy},
                new double[] {s(100), 54 * sy}, new double[] {s(200), 54 * sy}, new double[] {s(300), 44 * sy},
                new double[] {s(380), 34 * sy}, new double[] {s(440), 40 * sy}, new double[] {s(480), 50 * sy});
        Spine spine = new Spine(levels, path, s(330), Structure.ANYWHERE);
        add(spine);
        return spine;
    }

    // ---- abdomen ----

    private List<KeyframedShape> liver() {
        jitter(5, 0.07);
        KeyframedShape right = new KeyframedShape(List.of(kf(184, -48, -10, 20, 18), kf(198, -50, -14, 52, 44),
                kf(225, -52, -16, 70, 58), kf(260, -56, -8, 80, 70), kf(300, -62, 4, 74, 66), kf(335, -72, 10, 50, 50),
                kf(365, -78, 12, 22, 24)), Harmonics.random(rnd, 3, 0.05));
        KeyframedShape left = new KeyframedShape(List.of(kf(198, 5, -40, 22, 15), kf(225, 15, -45, 55, 28),
                kf(260, 20, -50, 55, 30), kf(290, 10, -55, 38, 20), kf(305, 5, -55, 14, 9)),
                Harmonics.random(rnd, 2, 0.05));
        long under = SOFT;
        add(OrganBlob.solid(right, Organ.LIVER, Tissue.LIVER, under));
        add(OrganBlob.solid(left, Organ.LIVER, Tissue.LIVER, under));
        double[] root = {-22 * sx + jx, 10 * sy + jy, s(212) + js};
        noJitter();
        VesselTree.Region inLiver = (x, y, z) -> right.contains(x, y, z) || left.contains(x, y, z);
        add(VesselTree.grow(rnd, root, List.of(dir(-0.9, -0.3, 0.4), dir(-0.6, 0.2, 0.8), dir(0.6, -0.7, 0.4),
                        dir(-0.9, -0.5, -0.1), dir(-0.3, -0.9, 0.5)), 4.5, 30, inLiver, Organ.HEPATIC_VESSEL,
                Tissue.BLOOD, Organ.mask(Organ.LIVER)));
        jitter(4, 0.1);
        add(OrganBlob.rimmed(KeyframedShape.ellipsoid(-45 * sx + jx, -45 * sy + jy, s(322) + js, 16 * sx * jr,
                        14 * sy * jr, 30 * sz * jr, 0.6, Harmonics.NONE), Organ.GALLBLADDER, Tissue.BILE, 1.5,
                Tissue.SOFT_TISSUE, Organ.mask(Organ.LIVER, Organ.HEPATIC_VESSEL, Organ.VISCERAL_FAT)));
        noJitter();
        return List.of(right, left);
    }

    private void spleenAndStomach() {
        jitter(5, 0.1);
        add(OrganBlob.solid(new KeyframedShape(List.of(kf(205, 90, 50, 15, 25, 0.7), kf(225, 95, 45, 28, 50, 0.7),
                        kf(260, 95, 40, 30, 55, 0.75), kf(290, 88, 35, 22, 40, 0.8), kf(305, 85, 30, 10, 15, 0.8)),
                        Harmonics.random(rnd, 2, 0.05)), Organ.SPLEEN, Tissue.SPLEEN, SOFT));
        jitter(5, 0.1);
        double airLevel = 0.1 + rnd.nextDouble(0.6);
        add(new OrganBlob(new KeyframedShape(List.of(kf(205, 45, -15, 25, 25), kf(230, 55, -20, 45, 40),
                kf(270, 45, -35, 45, 38), kf(310, 20, -50, 35, 25), kf(330, 0, -50, 20, 15)),
                Harmonics.random(rnd, 2, 0.06)), Organ.STOMACH, Tissue.BOWEL_FLUID, 3, Tissue.SOFT_TISSUE,
                airLevel, SOFT));
        noJitter();
    }

    private void kidneys() {
        for (int side = -1; side <= 1; side += 2) {
            jitter(5, 0.07);
            double cx = side * 68 * sx + jx, cy = 52 * sy + jy, cs = s(side < 0 ? 340 : 325) + js;
            double angle = side * 0.5;
            add(OrganBlob.rimmed(KeyframedShape.ellipsoid(cx, cy, cs, 27 * sx * jr, 21 * sy * jr, 55 * sz * jr, angle,
                    Harmonics.random(rnd, 2, 0.04)), Organ.KIDNEY, Tissue.KIDNEY_MEDULLA, 7, Tissue.KIDNEY_CORTEX, SOFT));
            // the renal sinus opens towards the front and the midline
            add(OrganBlob.solid(KeyframedShape.ellipsoid(cx - side * 14 * sx, cy - 9 * sy, cs, 9 * sx, 7 * sy,
                    30 * sz, angle, Harmonics.NONE), Organ.RENAL_SINUS, Tissue.FAT, Organ.mask(Organ.KIDNEY)));
        }
        noJitter();
    }

    private Tube pancreas() {
        jitter(4, 0.08);
        Tube pancreas = Tube.solid(List.of(pt(-35, -10, 320, 15), pt(-10, -25, 312, 11), pt(25, -15, 300, 10),
                pt(55, 5, 290, 9), pt(76, 22, 282, 8)), Organ.PANCREAS, Tissue.PANCREAS, CAVITY);
        add(pancreas);
        noJitter();
        return pancreas;
    }

    private void bowel() {
        jitter(6, 0.05);
        add(new Tube(List.of(pt(-85, 0, 470, 25), pt(-90, 15, 400, 22), pt(-88, 10, 350, 22), pt(-70, -30, 335, 21),
                pt(-20, -62, 345, 20), pt(30, -60, 345, 20), pt(75, -30, 300, 21), pt(96, 22, 330, 20),
                pt(98, 25, 400, 20), pt(90, 15, 460, 20), pt(50, -10, 500, 19), pt(20, 0, 520, 18), pt(5, 55, 545, 18),
                pt(0, 65, 600, 19), pt(0, 60, 660, 14)), Organ.COLON, Tissue.FECES, 2, Tissue.SOFT_TISSUE, Double.NaN,
                new Mottle(rnd.nextLong(), 4.5), CAVITY));
        noJitter();
        int loops = 26 + rnd.nextInt(10);
        for (int k = 0; k < loops; k++) {
            double x = rnd.nextDouble(-70, 70), y = rnd.nextDouble(-72, 25), z = rnd.nextDouble(340, 540);
            double r = rnd.nextDouble(10, 14);
            List<double[]> points = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                points.add(pt(x, y, z, r));
                x = clamp(x + rnd.nextDouble(-32, 32), -80, 80);
                y = clamp(y + rnd.nextDouble(-28, 28), -78, 30);
                z = clamp(z + rnd.nextDouble(-22, 22), 330, 560);
            }
            boolean gas = rnd.nextDouble() < 0.25;
            add(new Tube(points, Organ.BOWEL, Tissue.BOWEL_FLUID, 2.5, Tissue.SOFT_TISSUE, gas ? 0.5 : Double.NaN,
                    null, CAVITY));
        }
    }

    private void psoas() {
        for (int side = -1; side <= 1; side += 2) {
            jitter(2, 0.08);
            double x = side;
            add(OrganBlob.solid(new KeyframedShape(List.of(kf(325, x * 27, 38, 6, 6), kf(380, x * 33, 32, 15, 14),
                    kf(430, x * 42, 26, 21, 19), kf(480, x * 58, 18, 23, 21), kf(530, x * 72, 6, 20, 18),
                    kf(580, x * 82, -12, 16, 15), kf(625, x * 86, -28, 11, 11)), Harmonics.random(rnd, 2, 0.05)),
                    Organ.PSOAS, Tissue.MUSCLE, Organ.mask(Organ.VISCERAL_FAT, Organ.MUSCLE, Organ.KIDNEY,
                    Organ.BOWEL, Organ.COLON)));
        }
        noJitter();
    }

    private void bladderAndGenitals() {
        jitter(4, 0.2);
        add(OrganBlob.rimmed(KeyframedShape.ellipsoid(jx, -32 * sy + jy, s(572) + js, 45 * sx * jr, 36 * sy * jr,
                        36 * sz * jr, 0, Harmonics.random(rnd, 2, 0.05)), Organ.BLADDER, Tissue.WATER, 2.5,
                Tissue.SOFT_TISSUE, CAVITY));
        jitter(3, 0.1);
        if (sex == Sex.F) {
            add(OrganBlob.solid(KeyframedShape.ellipsoid(jx, 8 * sy + jy, s(525) + js, 34 * sx * jr, 24 * sy * jr,
                    38 * sz * jr, 0, Harmonics.random(rnd, 2, 0.05)), Organ.UTERUS, Tissue.SOFT_TISSUE, CAVITY));
        } else {
            add(OrganBlob.solid(KeyframedShape.ellipsoid(jx, -12 * sy + jy, s(625) + js, 20 * sx * jr, 17 * sy * jr,
                    18 * sz * jr, 0, Harmonics.NONE), Organ.PROSTATE, Tissue.SOFT_TISSUE,
                    CAVITY | Organ.mask(Organ.MUSCLE)));
        }
        noJitter();
    }

    // ---- pelvis ----

    private void pelvis() {
        noJitter();
        // fat planes between the gluteal muscles and around the hips
        add(new ArcBand(List.of(new ArcBand.Frame(s(450), 0, 8 * sy, 140 * sx, 88 * sy, 0.35, 1.45, 4),
                new ArcBand.Frame(s(560), 0, 8 * sy, 146 * sx, 90 * sy, 0.3, 1.6, 5),
                new ArcBand.Frame(s(680), 0, 8 * sy, 140 * sx, 84 * sy, 0.3, 1.6, 5)),
                Organ.SUBCUTANEOUS_FAT, Tissue.FAT, Organ.mask(Organ.MUSCLE)));
        add(new ArcBand(List.of(new ArcBand.Frame(s(520), 0, 0, 112 * sx, 70 * sy, 0.2, 1.1, 3),
                new ArcBand.Frame(s(620), 0, 0, 118 * sx, 72 * sy, 0.15, 1.3, 4),
                new ArcBand.Frame(s(690), 0, 0, 116 * sx, 70 * sy, 0.15, 1.3, 4)),
                Organ.SUBCUTANEOUS_FAT, Tissue.FAT, Organ.mask(Organ.MUSCLE)));
        add(new ArcBand(List.of(
                new ArcBand.Frame(s(425), 0, 18 * sy, 118 * sx, 80 * sy, 0.5, 1.7, 7),
                new ArcBand.Frame(s(470), 0, 12 * sy, 116 * sx, 76 * sy, 0.38, 1.85, 9),
                new ArcBand.Frame(s(510), 0, 10 * sy, 104 * sx, 64 * sy, 0.36, 1.6, 15),
                new ArcBand.Frame(s(540), 0, 5 * sy, 96 * sx, 46 * sy, 0.6, 1.5, 22),
                new ArcBand.Frame(s(556), 0, 4 * sy, 95 * sx, 40 * sy, 0.9, 1.3, 18)),
                Organ.PELVIC_BONE, Structure.ANYWHERE));
        jitter(2, 0.05);
        add(OrganBlob.rimmed(new KeyframedShape(List.of(kf(465, 0, 60, 30, 16), kf(480, 0, 64, 46, 21),
                kf(510, 0, 70, 42, 19), kf(545, 0, 78, 32, 15), kf(580, 0, 84, 18, 10), kf(600, 0, 84, 8, 6)),
                Harmonics.NONE), Organ.SACRUM, Tissue.BONE_MARROW, 1.6, Tissue.BONE_CORTEX, Structure.ANYWHERE));
        noJitter();
        for (int side = -1; side <= 1; side += 2) {
            double x = side * 93;
            add(OrganBlob.rimmed(KeyframedShape.ellipsoid(x * sx, 5 * sy, s(568), 33 * sx, 33 * sy, 30 * sz, 0,
                    Harmonics.NONE), Organ.PELVIC_BONE, Tissue.BONE_MARROW, 2, Tissue.BONE_CORTEX, Structure.ANYWHERE));
            add(OrganBlob.solid(KeyframedShape.ellipsoid(side * 95 * sx, 5 * sy, s(572), 25.5 * sx, 25.5 * sy, 25.5 * sz,
                    0, Harmonics.NONE), Organ.PELVIC_BONE, Tissue.CARTILAGE, Organ.mask(Organ.PELVIC_BONE)));
            add(OrganBlob.rimmed(KeyframedShape.ellipsoid(side * 95 * sx, 5 * sy, s(572), 23 * sx, 23 * sy, 23 * sz, 0,
                    Harmonics.NONE), Organ.FEMUR, Tissue.BONE_MARROW, 1.6, Tissue.BONE_CORTEX, Structure.ANYWHERE));
            add(new Tube(List.of(pt(side * 95, 5, 575, 13), pt(side * 122, 10, 602, 17), pt(side * 118, 12, 680, 14)),
                    Organ.FEMUR, Tissue.BONE_MARROW, 3.5, Tissue.BONE_CORTEX, Double.NaN, null, Structure.ANYWHERE));
            add(OrganBlob.rimmed(KeyframedShape.ellipsoid(side * 26 * sx, -62 * sy, s(602), 27 * sx, 11 * sy, 14 * sz,
                    side * 0.3, Harmonics.NONE), Organ.PELVIC_BONE, Tissue.BONE_MARROW, 1.6, Tissue.BONE_CORTEX,
                    Structure.ANYWHERE));
            add(OrganBlob.rimmed(KeyframedShape.ellipsoid(side * 58 * sx, 42 * sy, s(618), 15 * sx, 20 * sy, 24 * sz, 0,
                    Harmonics.NONE), Organ.PELVIC_BONE, Tissue.BONE_MARROW, 1.6, Tissue.BONE_CORTEX,
                    Structure.ANYWHERE));
        }
    }

    private void stations() {
        station(Station.PRETRACHEAL, -6, -16, 55);
        station(Station.SUBCARINAL, 0, 24, 108);
        station(Station.AORTOPULMONARY_WINDOW, 22, -8, 75);
        station(Station.RIGHT_HILUM, -46, 4, 112);
        station(Station.LEFT_HILUM, 46, 10, 118);
        station(Station.SUPERIOR_MEDIASTINUM, 8, -30, 18);
        station(Station.ANTERIOR_MEDIASTINUM, 5, -58, 92);
        station(Station.PARAAORTIC, 30, 12, 380);
        station(Station.PARACAVAL, -5, 10, 365);
        station(Station.RETROCRURAL, 18, 42, 262);
        station(Station.PORTA_HEPATIS, -28, -14, 300);
        station(Station.MESENTERY, 25, -35, 405);
        station(Station.PERIPANCREATIC, -48, -26, 326);
        station(Station.RIGHT_COMMON_ILIAC, -32, 12, 456);
        station(Station.LEFT_COMMON_ILIAC, 32, 12, 456);
        station(Station.RIGHT_EXTERNAL_ILIAC, -70, -14, 540);
        station(Station.LEFT_EXTERNAL_ILIAC, 70, -14, 540);
        station(Station.RIGHT_INGUINAL, -88, -62, 605);
        station(Station.LEFT_INGUINAL, 88, -62, 605);
        station(Station.RIGHT_AXILLA, -128, 6, 38);
        station(Station.LEFT_AXILLA, 128, 6, 38);
    }

    private void station(Station station, double x, double y, double s) {
        stations.put(station, new double[] {x * sx, y * sy, s(s)});
    }

    // ---- scaling and bookkeeping ----

    private void add(Structure structure) {
        structures.add(structure);
        Organ organ = switch (structure) {
            case OrganBlob b -> b.organ();
            case Tube t -> t.organ();
            case VesselTree v -> v.organ();
            case RibCage r -> Organ.RIB;
            case Spine sp -> Organ.VERTEBRA;
            case ArcBand a -> a.organ();
        };
        double[] e = structure.extent();
        extents.merge(organ, e, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]),
            Math.min(a[2], b[2]), Math.max(a[3], b[3]), Math.min(a[4], b[4]), Math.max(a[5], b[5])});
    }

    private double s(double canonical) {
        return canonical * sz;
    }

    private Keyframe kf(double s, double cx, double cy, double rx, double ry) {
        return kf(s, cx, cy, rx, ry, 0);
    }

    private Keyframe kf(double s, double cx, double cy, double rx, double ry, double angle) {
        return new Keyframe(s * sz + js, cx * sx + jx, cy * sy + jy, rx * sx * jr, ry * sy * jr,
                cx < 0 ? -angle : angle);
    }

    private double[] pt(double x, double y, double s, double r) {
        return new double[] {x * sx + jx, y * sy + jy, s * sz + js, r * Math.min(sx, sy) * jr};
    }

    private void jitter(double positionMm, double sizeSd) {
        jx = rnd.nextGaussian() * positionMm;
        jy = rnd.nextGaussian() * positionMm;
        js = rnd.nextGaussian() * positionMm;
        jr = gauss(1, sizeSd, 1 - 2.5 * sizeSd, 1 + 2.5 * sizeSd);
    }

    private void noJitter() {
        jx = 0;
        jy = 0;
        js = 0;
        jr = 1;
    }

    private double gauss(double mean, double sd, double lo, double hi) {
        return clamp(mean + sd * rnd.nextGaussian(), lo, hi);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double[] dir(double x, double y, double s) {
        return VesselTree.normalise(new double[] {x, y, s});
    }
}
