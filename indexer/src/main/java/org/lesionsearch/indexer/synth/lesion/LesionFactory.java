package org.lesionsearch.indexer.synth.lesion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.synth.anatomy.Anatomy;
import org.lesionsearch.indexer.synth.anatomy.Harmonics;
import org.lesionsearch.indexer.synth.anatomy.KeyframedShape;
import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.anatomy.RibCage;
import org.lesionsearch.indexer.synth.anatomy.Section;
import org.lesionsearch.indexer.synth.anatomy.Spine;
import org.lesionsearch.indexer.synth.anatomy.Station;

/**
 * Designs one lesion of a given kind in a patient's phantom: where it lies (inside its organ or
 * at its lymph-node station), its 3D form, how it looks, and the words a radiologist uses for
 * it. Appearance and words are chosen together, so every label the words carry is visible
 * ("calcified" lesions are dense, "cavitary" ones hold air, cysts are near water).
 *
 * <p>Location patterns hold {@code {attrs}} (size and appearance words) and {@code {noun}}.
 */
public final class LesionFactory {

    /** A designed lesion at its reference size. */
    public record Design(Finding finding, LesionShape shape, Appearance look) {
    }

    private static final String[] ORDINALS = {"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
        "11th", "12th"};

    private final Anatomy anatomy;
    private final SplittableRandom rnd;

    public LesionFactory(Anatomy anatomy, SplittableRandom rnd) {
        this.anatomy = anatomy;
        this.rnd = rnd;
    }

    /** A lesion of {@code kind} with a long axis near {@code sizeMm}, or null when it found no room. */
    public Design design(LesionKind kind, double sizeMm) {
        return switch (kind) {
            case LUNG_NODULE -> lungNodule(sizeMm);
            case LIVER_LESION -> liverLesion(sizeMm);
            case KIDNEY_LESION -> kidneyLesion(sizeMm);
            case SPLEEN_LESION -> spleenLesion(sizeMm);
            case PANCREAS_LESION -> pancreasLesion(sizeMm);
            case ABDOMINAL_NODE -> abdominalNode(sizeMm);
            case MEDIASTINAL_NODE -> mediastinalNode(sizeMm);
            case MEDIASTINAL_MASS -> mediastinalMass(sizeMm);
            case PELVIC_NODE -> pelvicNode(sizeMm);
            case PELVIC_MASS -> pelvicMass(sizeMm);
            case SOFT_TISSUE_LESION -> softTissueLesion(sizeMm);
            case BONE_LESION -> boneLesion(sizeMm);
        };
    }

    // ---- chest ----

    private Design lungNodule(double size) {
        int variant = pick(0.42, 0.15, 0.10, 0.10, 0.08, 0.15);
        if (variant == 3) {
            size = Math.min(size, 4 + rnd.nextDouble(7));
        } else if (variant == 4) {
            size = Math.max(size, 14 + rnd.nextDouble(10));
        }
        double[] c = sampleInside(EnumSet.of(Organ.LUNG, Organ.LUNG_VESSEL), Organ.LUNG, size / 2, 0, 1e9);
        if (c == null) {
            return null;
        }
        Phrase lobe = lungLobe(c[0], c[1], c[2]);
        boolean mass = size >= 30;
        Phrase noun = mass ? (chance(0.5) ? Phrase.of("mass", "mass") : Phrase.of("pulmonary mass", "lung mass"))
                : chance(0.35) ? Phrase.of("pulmonary nodule", "lung nodule") : Phrase.of("nodule", "nodule");
        List<Phrase> attrs = new ArrayList<>();
        Harmonics lobes = Harmonics.random(rnd, 2, 0.04);
        int spicules = 0;
        double spiculeLength = 0;
        Appearance look = Appearance.solid(rnd.nextDouble(28, 48), 0.6).withTexture(6);
        boolean benign = false;
        Phrase suspicion = chance(0.3) ? Phrase.of("metastasis", "metastasis") : null;
        switch (variant) {
            case 0 -> {
                if (chance(0.4)) {
                    attrs.add(Phrase.of("solid", "solid"));
                }
                if (chance(0.3)) {
                    attrs.add(Phrase.of("noncalcified", "noncalcified"));
                }
            }
            case 1 -> {
                attrs.add(chance(0.8) ? Phrase.of("spiculated", "spiculated") : Phrase.of("irregular", "spiculated"));
                spicules = 8 + rnd.nextInt(7);
                spiculeLength = rnd.nextDouble(0.35, 0.7);
                look = Appearance.solid(rnd.nextDouble(30, 45), 0.45).withTexture(8);
                suspicion = chance(0.4) ? Phrase.of("cancer", "cancer") : null;
            }
            case 2 -> {
                attrs.add(Phrase.of("lobulated", "lobular"));
                lobes = new Harmonics(new double[] {0.04, 0.12, 0.08}, new double[] {
                    rnd.nextDouble(6.28), rnd.nextDouble(6.28), rnd.nextDouble(6.28)});
            }
            case 3 -> {
                attrs.add(chance(0.8) ? Phrase.of("calcified", "calcified") : Phrase.of("densely calcified", "calcified"));
                look = Appearance.solid(0, 0.5).withCalcification(1, rnd.nextDouble(380, 750));
                benign = true;
                suspicion = chance(0.4) ? Phrase.of("scar", "scar") : null;
            }
            case 4 -> {
                attrs.add(Phrase.of("cavitary", "cavitary"));
                look = look.withCavity(rnd.nextDouble(0.35, 0.6));
                lobes = Harmonics.random(rnd, 3, 0.07);
                suspicion = chance(0.3) ? Phrase.of("infiltrate", "infiltrate") : null;
            }
            default -> {
                noun = chance(0.6) ? Phrase.of("ground-glass nodule", "ground-glass opacity", "nodule")
                        : Phrase.of("ground-glass opacity", "ground-glass opacity");
                look = new Appearance(rnd.nextDouble(-380, -250), rnd.nextDouble(0.55, 0.7), 2.2, 40, 0, 0, 0, 0, 0, 0, 0);
                suspicion = chance(0.3) ? Phrase.of("infiltrate", "infiltrate") : null;
            }
        }
        LesionShape shape = shape(c, size, rnd.nextDouble(0.72, 0.95), lobes, spicules, spiculeLength);
        return new Design(new Finding(LesionKind.LUNG_NODULE, LesionKind.LUNG_NODULE.coarseType(), Organ.LUNG,
                lobe, noun, attrs, benign, suspicion), shape, look);
    }

    /** The lobe of a lung point: the oblique fissure separates the lower lobe (back and below). */
    private Phrase lungLobe(double x, double y, double s) {
        boolean right = x < 0;
        KeyframedShape lung = anatomy.lungs().get(right ? 0 : 1);
        double t = (s - lung.top()) / (lung.bottom() - lung.top());
        Section sec = lung.sectionAt(s);
        double v = sec == null ? 0.5 : (y - (sec.cy() - sec.ry())) / (2 * sec.ry());
        boolean lower = t > 0.22 && v > 1.05 - 1.1 * (t - 0.22) / 0.78;
        boolean after = chance(0.5);
        if (lower) {
            return right ? lobePhrase("right lower lobe", "right lower lobe", after)
                    : lobePhrase("left lower lobe", "left lower lobe", after);
        }
        if (right) {
            return t < 0.45 ? lobePhrase("right upper lobe", "right upper lobe", after)
                    : lobePhrase("right middle lobe", "right mid lung", after);
        }
        return t < 0.5 ? lobePhrase("left upper lobe", "left upper lung", after)
                : lobePhrase("lingula", "lingula", after);
    }

    private static Phrase lobePhrase(String words, String label, boolean after) {
        String text = after ? "{attrs} {noun} in the " + words
                : "{attrs} " + (words.equals("lingula") ? "lingular" : words) + " {noun}";
        return Phrase.of(text, label);
    }

    private Design mediastinalNode(double size) {
        Station station = pickStation(new Station[] {Station.PRETRACHEAL, Station.SUBCARINAL,
            Station.AORTOPULMONARY_WINDOW, Station.RIGHT_HILUM, Station.LEFT_HILUM, Station.SUPERIOR_MEDIASTINUM},
                0.3, 0.25, 0.12, 0.12, 0.1, 0.11);
        double[] c = nearStation(station, 5, EnumSet.of(Organ.VISCERAL_FAT, Organ.PERICARDIAL_FAT, Organ.LUNG));
        Phrase location;
        if (chance(0.15)) {
            location = Phrase.of("{attrs} mediastinal lymphadenopathy", "mediastinum", "lymphadenopathy",
                    "mediastinum lymph node");
        } else {
            location = switch (station) {
                case PRETRACHEAL -> chance(0.7) ? Phrase.of("{attrs} pretracheal lymph node", "pretracheal lymph node")
                        : Phrase.of("{attrs} mediastinal lymph node", "mediastinum lymph node");
                case SUBCARINAL -> Phrase.of("{attrs} subcarinal lymph node", "subcarinal lymph node");
                case AORTOPULMONARY_WINDOW -> chance(0.5)
                        ? Phrase.of("{attrs} aorticopulmonary window lymph node", "aorticopulmonary window", "lymph node")
                        : Phrase.of("{attrs} lymph node in the aortopulmonary window", "lymph node",
                                "aorticopulmonary window");
                case RIGHT_HILUM -> Phrase.of("{attrs} right hilar lymph node", "right hilum lymph node");
                case LEFT_HILUM -> Phrase.of("{attrs} left hilar lymph node", "left hilum lymph node");
                default -> Phrase.of("{attrs} superior mediastinal lymph node", "superior mediastinum lymph node");
            };
        }
        return node(LesionKind.MEDIASTINAL_NODE, Organ.VISCERAL_FAT, c, size, location, true);
    }

    private Design mediastinalMass(double size) {
        double[] c = nearStation(Station.ANTERIOR_MEDIASTINUM, 6, EnumSet.of(Organ.VISCERAL_FAT, Organ.LUNG,
                Organ.PERICARDIAL_FAT));
        List<Phrase> attrs = new ArrayList<>();
        Harmonics lobes = Harmonics.random(rnd, 2, 0.05);
        Appearance look = Appearance.solid(rnd.nextDouble(32, 48), 1.0).withTexture(8);
        boolean lobulated = chance(0.45);
        if (lobulated) {
            attrs.add(Phrase.of("lobulated", "lobular", "lobular mass"));
            lobes = new Harmonics(new double[] {0.05, 0.1, 0.07}, new double[] {rnd.nextDouble(6.28),
                rnd.nextDouble(6.28), rnd.nextDouble(6.28)});
        }
        if (chance(0.35)) {
            attrs.add(Phrase.of("heterogeneous", "heterogeneous"));
            look = look.withTexture(22).withCore(0.4, 15);
        }
        return new Design(new Finding(LesionKind.MEDIASTINAL_MASS, LesionKind.MEDIASTINAL_MASS.coarseType(),
                Organ.VISCERAL_FAT, Phrase.of("{attrs} anterior mediastinal {noun}", "anterior mediastinum"),
                Phrase.of("mass", "mass"), attrs, false, chance(0.3) ? Phrase.of("cancer", "cancer") : null),
                shape(c, size, rnd.nextDouble(0.6, 0.85), lobes, 0, 0), look);
    }

    // ---- abdomen ----

    private Design liverLesion(double size) {
        int variant = pick(0.42, 0.22, 0.12, 0.12, 0.12);
        if (variant == 1) {
            size = Math.min(size, 35) * rnd.nextDouble(0.5, 0.9);
        } else if (variant == 4) {
            size = Math.max(size, 35 + rnd.nextDouble(20));
        }
        size = Math.max(size, 5);
        double[] c = sampleInside(EnumSet.of(Organ.LIVER, Organ.HEPATIC_VESSEL), Organ.LIVER, size / 2, 0, 1e9);
        if (c == null) {
            return null;
        }
        boolean leftLobe = anatomy.liverLobes().get(1).contains(c[0], c[1], c[2]);
        Phrase location = switch (rnd.nextInt(3)) {
            case 0 -> Phrase.of("{attrs} {noun} in the " + (leftLobe ? "left" : "right") + " hepatic lobe", "liver");
            case 1 -> Phrase.of("{attrs} hepatic {noun}", "liver");
            default -> Phrase.of("{attrs} liver {noun}", "liver");
        };
        List<Phrase> attrs = new ArrayList<>();
        // a mass in the liver is a liver mass, as readers of the sentence infer
        Phrase noun = size >= 30 ? Phrase.of("mass", "mass", "liver mass") : Phrase.of("lesion");
        Appearance look;
        boolean benign = false;
        Phrase suspicion = null;
        Harmonics lobes = Harmonics.random(rnd, 2, 0.05);
        double ratio = rnd.nextDouble(0.7, 0.95);
        switch (variant) {
            case 0 -> {
                attrs.add(chance(0.7) ? Phrase.of("hypodense", "hypoattenuation")
                        : Phrase.of("low-attenuation", "hypoattenuation"));
                look = Appearance.solid(rnd.nextDouble(5, 28), 1.2).withTexture(6);
                if (size >= 25 && chance(0.3)) {
                    attrs.add(0, Phrase.of("heterogeneous", "heterogeneous"));
                    look = look.withTexture(16).withCore(0.4, 14);
                }
                suspicion = chance(0.4) ? Phrase.of("metastasis", "metastasis") : null;
            }
            case 1 -> {
                noun = chance(0.3) ? Phrase.of("simple cyst", "simple cyst") : Phrase.of("cyst", "cyst");
                if (chance(0.45)) {
                    attrs.add(Phrase.of("well-circumscribed", "circumscribed"));
                }
                if (chance(0.4)) {
                    attrs.add(Phrase.of("hypodense", "hypoattenuation"));
                }
                look = Appearance.solid(rnd.nextDouble(3, 12), 0.5);
                lobes = Harmonics.random(rnd, 2, 0.02);
                ratio = rnd.nextDouble(0.85, 0.98);
                benign = true;
            }
            case 2 -> {
                attrs.add(chance(0.7) ? Phrase.of("hyperdense", "hyperattenuation")
                        : Phrase.of("high-density", "hyperattenuation"));
                look = Appearance.solid(rnd.nextDouble(100, 120), 1.2).withTexture(6);
                suspicion = chance(0.6) ? Phrase.of("hemangioma", "hemangioma") : null;
                benign = suspicion != null && chance(0.5);
            }
            case 3 -> {
                attrs.add(Phrase.of("peripherally enhancing", "enhancing"));
                attrs.add(Phrase.of("hypodense", "hypoattenuation"));
                look = Appearance.solid(rnd.nextDouble(15, 30), 1.0).withTexture(5).withRim(0.22, rnd.nextDouble(90, 110));
                suspicion = chance(0.4) ? Phrase.of("metastasis", "metastasis") : null;
            }
            default -> {
                noun = Phrase.of("mass", "mass", "liver mass");
                attrs.add(Phrase.of("heterogeneous", "heterogeneous"));
                if (chance(0.5)) {
                    attrs.add(Phrase.of("necrotic", "necrosis"));
                }
                look = Appearance.solid(rnd.nextDouble(38, 50), 1.5).withTexture(22).withCore(0.45, 16);
                lobes = Harmonics.random(rnd, 3, 0.08);
                suspicion = chance(0.3) ? Phrase.of("cancer", "cancer") : null;
            }
        }
        return new Design(new Finding(LesionKind.LIVER_LESION, LesionKind.LIVER_LESION.coarseType(), Organ.LIVER,
                location, noun, attrs, benign, suspicion), shape(c, size, ratio, lobes, 0, 0), look);
    }

    private Design kidneyLesion(double size) {
        boolean cyst = chance(0.65);
        if (cyst) {
            size = Math.min(size, 50);
        }
        double[] c = sampleInside(EnumSet.of(Organ.KIDNEY, Organ.RENAL_SINUS), Organ.KIDNEY, size * 0.2, 0, 1e9);
        if (c == null) {
            return null;
        }
        String side = c[0] < 0 ? "right" : "left";
        List<Phrase> attrs = new ArrayList<>();
        Phrase noun;
        Appearance look;
        Phrase suspicion = null;
        if (cyst) {
            noun = chance(0.35) ? Phrase.of("simple cyst", "simple cyst", "kidney cyst")
                    : Phrase.of("cyst", "cyst", "kidney cyst");
            if (exophytic(c, size / 2, Organ.KIDNEY) && chance(0.7)) {
                attrs.add(Phrase.of("exophytic", "exophytic"));
            }
            if (chance(0.35)) {
                attrs.add(Phrase.of("hypodense", "hypoattenuation"));
            }
            look = Appearance.solid(rnd.nextDouble(0, 12), 0.5);
        } else {
            noun = Phrase.of("mass", "mass");
            if (chance(0.55)) {
                attrs.add(Phrase.of("enhancing", "enhancing"));
                look = Appearance.solid(rnd.nextDouble(62, 80), 1.0).withTexture(8);
            } else {
                attrs.add(Phrase.of("heterogeneous", "heterogeneous"));
                look = Appearance.solid(rnd.nextDouble(40, 55), 1.0).withTexture(20).withCore(0.35, 15);
            }
            suspicion = chance(0.3) ? Phrase.of("cancer", "cancer") : null;
        }
        Phrase location = cyst || chance(0.5) ? Phrase.of("{attrs} {noun} in the " + side + " kidney", side + " kidney")
                : Phrase.of("{attrs} " + side + " renal {noun}", side + " kidney");
        return new Design(new Finding(LesionKind.KIDNEY_LESION, LesionKind.KIDNEY_LESION.coarseType(), Organ.KIDNEY,
                location, noun, attrs, cyst, suspicion), shape(c, size, rnd.nextDouble(cyst ? 0.88 : 0.75, 0.98),
                Harmonics.random(rnd, 2, cyst ? 0.02 : 0.06), 0, 0), look);
    }

    private Design spleenLesion(double size) {
        double[] c = sampleInside(EnumSet.of(Organ.SPLEEN), Organ.SPLEEN, size / 2, 0, 1e9);
        if (c == null) {
            return null;
        }
        Phrase location = chance(0.5) ? Phrase.of("{attrs} splenic {noun}", "spleen")
                : Phrase.of("{attrs} {noun} in the spleen", "spleen");
        return new Design(new Finding(LesionKind.SPLEEN_LESION, LesionKind.SPLEEN_LESION.coarseType(), Organ.SPLEEN,
                location, Phrase.of("lesion"), List.of(Phrase.of("hypodense", "hypoattenuation")), false,
                chance(0.3) ? Phrase.of("metastasis", "metastasis") : null),
                shape(c, size, rnd.nextDouble(0.75, 0.95), Harmonics.random(rnd, 2, 0.05), 0, 0),
                Appearance.solid(rnd.nextDouble(8, 25), 1.0).withTexture(5));
    }

    private Design pancreasLesion(double size) {
        double[] c = sampleInside(EnumSet.of(Organ.PANCREAS), Organ.PANCREAS, 0, 0, 1e9);
        if (c == null) {
            return null;
        }
        int nearest = 0;
        double best = Double.MAX_VALUE;
        List<double[]> line = anatomy.pancreas().points();
        for (int k = 0; k < line.size(); k++) {
            double[] p = line.get(k);
            double d = Math.pow(p[0] - c[0], 2) + Math.pow(p[1] - c[1], 2) + Math.pow(p[2] - c[2], 2);
            if (d < best) {
                best = d;
                nearest = k;
            }
        }
        String part = nearest == 0 ? "pancreatic head" : nearest <= 2 ? "pancreatic body" : "pancreatic tail";
        boolean cystic = chance(0.4);
        Phrase location = chance(0.5) ? Phrase.of("{attrs} " + part + " {noun}", part)
                : Phrase.of("{attrs} {noun} in the " + part, part);
        if (cystic) {
            return new Design(new Finding(LesionKind.PANCREAS_LESION, LesionKind.PANCREAS_LESION.coarseType(),
                    Organ.PANCREAS, location, Phrase.of("cystic lesion", "cyst"), List.of(), true, null),
                    shape(c, Math.min(size, 35), rnd.nextDouble(0.8, 0.95), Harmonics.random(rnd, 2, 0.03), 0, 0),
                    Appearance.solid(rnd.nextDouble(6, 15), 0.6));
        }
        return new Design(new Finding(LesionKind.PANCREAS_LESION, LesionKind.PANCREAS_LESION.coarseType(),
                Organ.PANCREAS, location, Phrase.of("mass", "mass"), List.of(Phrase.of("hypodense", "hypoattenuation")),
                false, chance(0.3) ? Phrase.of("cancer", "cancer") : null),
                shape(c, size, rnd.nextDouble(0.7, 0.9), Harmonics.random(rnd, 3, 0.07), 0, 0),
                Appearance.solid(rnd.nextDouble(18, 30), 1.2).withTexture(6));
    }

    private Design abdominalNode(double size) {
        Station station = pickStation(new Station[] {Station.PARAAORTIC, Station.PARACAVAL, Station.RETROCRURAL,
            Station.PORTA_HEPATIS, Station.MESENTERY, Station.PERIPANCREATIC}, 0.3, 0.2, 0.1, 0.12, 0.18, 0.1);
        double spread = station == Station.MESENTERY ? 22 : 5;
        double[] c = nearStation(station, spread, EnumSet.of(Organ.VISCERAL_FAT));
        if (station == Station.RETROCRURAL && chance(0.5)) {
            c[0] = -c[0];
        }
        if (station == Station.MESENTERY && chance(0.5)) {
            c[0] = -c[0];
        }
        Phrase location = switch (station) {
            case PARAAORTIC -> switch (rnd.nextInt(4)) {
                case 0 -> Phrase.of("{attrs} left paraaortic lymph node", "paraaortic", "lymph node");
                case 1 -> Phrase.of("{attrs} left paraaortic retroperitoneal lymph node", "paraaortic",
                        "retroperitoneum lymph node");
                case 2 -> Phrase.of("{attrs} retroperitoneal lymphadenopathy", "retroperitoneum", "lymphadenopathy",
                        "retroperitoneum lymph node");
                default -> Phrase.of("{attrs} retroperitoneal lymph node", "retroperitoneum lymph node");
            };
            case PARACAVAL -> chance(0.5) ? Phrase.of("{attrs} aortocaval lymph node", "paracaval lymph node")
                    : Phrase.of("{attrs} paracaval lymph node", "paracaval lymph node");
            case RETROCRURAL -> Phrase.of("{attrs} retrocrural lymph node", "retrocrural lymph node");
            case PORTA_HEPATIS -> chance(0.5) ? Phrase.of("{attrs} porta hepatis lymph node", "porta Hepatis lymph node")
                    : Phrase.of("{attrs} periportal lymph node", "porta Hepatis lymph node");
            case MESENTERY -> chance(0.75) ? Phrase.of("{attrs} mesenteric lymph node", "mesentery lymph node")
                    : Phrase.of("{attrs} mesenteric lymphadenopathy", "mesentery", "lymphadenopathy",
                            "mesentery lymph node");
            default -> Phrase.of("{attrs} peripancreatic lymph node", "peripancreatic lymph node");
        };
        return node(LesionKind.ABDOMINAL_NODE, Organ.VISCERAL_FAT, c, size, location, false);
    }

    // ---- pelvis ----

    private Design pelvicNode(double size) {
        Station station = pickStation(new Station[] {Station.RIGHT_COMMON_ILIAC, Station.LEFT_COMMON_ILIAC,
            Station.RIGHT_EXTERNAL_ILIAC, Station.LEFT_EXTERNAL_ILIAC, Station.RIGHT_INGUINAL, Station.LEFT_INGUINAL},
                0.17, 0.18, 0.2, 0.2, 0.12, 0.13);
        double[] c = nearStation(station, 5, EnumSet.of(Organ.VISCERAL_FAT, Organ.SUBCUTANEOUS_FAT));
        String side = station.name().startsWith("RIGHT") ? "right" : "left";
        Phrase location = switch (station) {
            case RIGHT_COMMON_ILIAC, LEFT_COMMON_ILIAC ->
                    Phrase.of("{attrs} " + side + " common iliac lymph node", "common iliac lymph node");
            case RIGHT_EXTERNAL_ILIAC, LEFT_EXTERNAL_ILIAC ->
                    Phrase.of("{attrs} " + side + " external iliac lymph node", "external iliac lymph node");
            default -> Phrase.of("{attrs} " + side + " inguinal lymph node", "groin lymph node");
        };
        return node(LesionKind.PELVIC_NODE, Organ.VISCERAL_FAT, c, size, location, false);
    }

    private Design pelvicMass(double size) {
        List<Phrase> attrs = new ArrayList<>();
        Appearance look = Appearance.solid(rnd.nextDouble(32, 48), 1.2).withTexture(10);
        Phrase location;
        double[] c;
        boolean benign = false;
        if (anatomy.sex() == Sex.F && chance(0.5)) {
            int side = chance(0.5) ? -1 : 1;
            double[] crest = anatomy.stations().get(Station.RIGHT_EXTERNAL_ILIAC);
            c = new double[] {side * Math.abs(crest[0]) * 0.65, crest[1] + 18, crest[2] - 10};
            String sideWord = side < 0 ? "right" : "left";
            if (chance(0.5)) {
                location = Phrase.of("{attrs} " + sideWord + " adnexal cystic {noun}", "adnexa", "cyst");
                look = Appearance.solid(rnd.nextDouble(5, 15), 0.7);
                benign = true;
            } else {
                location = Phrase.of("{attrs} " + sideWord + " adnexal {noun}", "adnexa");
            }
        } else {
            c = sampleInside(EnumSet.of(Organ.VISCERAL_FAT, Organ.BOWEL), Organ.VISCERAL_FAT, size / 3,
                    anatomy.landmarks().iliacCrest() + 40, anatomy.landmarks().pubis() - 10);
            if (c == null) {
                return null;
            }
            location = Phrase.of("{attrs} pelvic {noun}", "pelvis");
        }
        if (!benign && chance(0.4)) {
            attrs.add(Phrase.of("heterogeneous", "heterogeneous"));
            look = look.withTexture(22).withCore(0.4, 15);
        }
        return new Design(new Finding(LesionKind.PELVIC_MASS, LesionKind.PELVIC_MASS.coarseType(), Organ.VISCERAL_FAT,
                location, Phrase.of("mass", "mass"), attrs, benign, null),
                shape(c, size, rnd.nextDouble(0.7, 0.9), Harmonics.random(rnd, 3, 0.06), 0, 0), look);
    }

    // ---- soft tissue ----

    private Design softTissueLesion(double size) {
        int variant = pick(0.35, 0.25, 0.15, 0.1, 0.1, 0.05);
        if (variant == 0) {
            Station station = chance(0.5) ? Station.RIGHT_AXILLA : Station.LEFT_AXILLA;
            double[] c = nearStation(station, 6, EnumSet.of(Organ.AXILLARY_FAT, Organ.SUBCUTANEOUS_FAT));
            String side = station == Station.RIGHT_AXILLA ? "right" : "left";
            return node(LesionKind.SOFT_TISSUE_LESION, Organ.AXILLARY_FAT, c, size,
                    Phrase.of("{attrs} " + side + " axillary lymph node", "axilla lymph node"), false);
        }
        double[] c;
        Phrase location;
        Phrase noun = Phrase.of("mass", "mass");
        Organ host;
        double lo = anatomy.landmarks().lungApex(), hi = anatomy.landmarks().pubis();
        switch (variant) {
            case 1 -> {
                size = Math.min(size, 25);
                host = Organ.SUBCUTANEOUS_FAT;
                c = sampleInside(EnumSet.of(Organ.SUBCUTANEOUS_FAT), Organ.SUBCUTANEOUS_FAT, size * 0.3, lo + 20, hi - 40);
                if (c == null) {
                    return null;
                }
                String side = c[0] < 0 ? "right" : "left";
                noun = Phrase.of("subcutaneous nodule", "subcutaneous", "nodule");
                if (c[2] < anatomy.landmarks().liverDome()) {
                    location = Phrase.of("{attrs} {noun} in the " + side + " chest wall", "chest wall");
                } else if (c[1] < -40) {
                    location = Phrase.of("{attrs} {noun} in the anterior abdominal wall", "anterior abdominal wall");
                } else {
                    location = Phrase.of("{attrs} " + side + " flank {noun}");
                }
            }
            case 2 -> {
                host = Organ.MUSCLE;
                c = sampleInside(EnumSet.of(Organ.MUSCLE, Organ.RIB), Organ.MUSCLE, size * 0.25, lo + 20,
                        anatomy.landmarks().lungBase() - 30);
                if (c == null) {
                    return null;
                }
                String side = c[0] < 0 ? "right" : "left";
                location = chance(0.6) ? Phrase.of("{attrs} " + side + " chest wall {noun}", "chest wall")
                        : Phrase.of("{attrs} soft tissue {noun} in the " + side + " chest wall", "soft tissue",
                                "chest wall");
            }
            case 3 -> {
                host = Organ.PARASPINAL_MUSCLE;
                c = sampleInside(EnumSet.of(Organ.PARASPINAL_MUSCLE), Organ.PARASPINAL_MUSCLE, size * 0.3, lo, hi);
                if (c == null) {
                    return null;
                }
                location = Phrase.of("{attrs} " + (c[0] < 0 ? "right" : "left") + " paraspinal muscle {noun}",
                        "paraspinal muscle");
            }
            case 4 -> {
                host = Organ.PSOAS;
                c = sampleInside(EnumSet.of(Organ.PSOAS), Organ.PSOAS, size * 0.3, lo, hi);
                if (c == null) {
                    return null;
                }
                location = Phrase.of("{attrs} " + (c[0] < 0 ? "right" : "left") + " psoas muscle {noun}", "psoas muscle");
            }
            default -> {
                host = Organ.MUSCLE;
                c = sampleInside(EnumSet.of(Organ.MUSCLE), Organ.MUSCLE, size * 0.2,
                        anatomy.landmarks().lungBase() + 20, anatomy.landmarks().iliacCrest() + 40);
                if (c == null || c[1] > -30) {
                    return null;
                }
                location = Phrase.of("{attrs} anterior abdominal wall {noun}", "anterior abdominal wall");
            }
        }
        List<Phrase> attrs = new ArrayList<>();
        Appearance look = Appearance.solid(rnd.nextDouble(30, 48), 0.9).withTexture(6);
        if (chance(0.25)) {
            attrs.add(Phrase.of("enhancing", "enhancing"));
            look = Appearance.solid(rnd.nextDouble(70, 90), 0.9).withTexture(8);
        }
        return new Design(new Finding(LesionKind.SOFT_TISSUE_LESION, LesionKind.SOFT_TISSUE_LESION.coarseType(), host,
                location, noun, attrs, false, chance(0.25) ? Phrase.of("metastasis", "metastasis") : null),
                shape(c, size, rnd.nextDouble(0.6, 0.9), Harmonics.random(rnd, 2, 0.05), 0, 0), look);
    }

    // ---- bone ----

    private Design boneLesion(double size) {
        int site = pick(0.45, 0.25, 0.15, 0.08, 0.07);
        double[] c;
        Phrase location;
        Organ host;
        switch (site) {
            case 0 -> {
                Spine spine = anatomy.spine();
                List<Spine.Level> levels = spine.levels().subList(1, spine.levels().size());
                Spine.Level level = levels.get(rnd.nextInt(levels.size()));
                double s = rnd.nextDouble(level.top() + 2, level.bottom() - 2);
                c = new double[] {rnd.nextGaussian() * level.rx() * 0.2,
                    spine.centreY(s) + rnd.nextGaussian() * level.ry() * 0.2, s};
                size = Math.min(size, 2 * level.rx() * 0.9);
                host = Organ.VERTEBRA;
                boolean thoracic = level.name().startsWith("T");
                location = switch (rnd.nextInt(3)) {
                    case 0 -> thoracic ? Phrase.of("{attrs} {noun} in the thoracic spine at " + level.name(), "thoracic spine")
                            : Phrase.of("{attrs} {noun} in the lumbar spine at " + level.name(), "lumbar");
                    default -> Phrase.of("{attrs} {noun} in the " + level.name() + " vertebral body", "vertebral body");
                };
            }
            case 1 -> {
                RibCage cage = anatomy.ribCage();
                List<RibCage.Rib> ribs = cage.ribs();
                RibCage.Rib rib = ribs.get(4 + rnd.nextInt(12));
                int number = ribs.indexOf(rib) / 2 + 1;
                double u = rnd.nextDouble(0.15, 0.65);
                double s = rib.sAt(u);
                double psi = rib.psi(u);
                Section sec = cage.cage().sectionAt(s);
                if (sec == null) {
                    return null;
                }
                c = new double[] {sec.cx() + rib.side() * sec.rx() * Math.sin(psi), sec.cy() + sec.ry() * Math.cos(psi), s};
                size = Math.min(size, 22);
                host = Organ.RIB;
                String side = rib.side() < 0 ? "right" : "left";
                location = chance(0.5) ? Phrase.of("{attrs} {noun} in the " + side + " " + ORDINALS[number - 1] + " rib", "rib")
                        : Phrase.of("{attrs} " + side + " " + ORDINALS[number - 1] + " rib {noun}", "rib");
            }
            case 2 -> {
                host = Organ.PELVIC_BONE;
                c = sampleInside(EnumSet.of(Organ.PELVIC_BONE), Organ.PELVIC_BONE, 0, anatomy.landmarks().iliacCrest(),
                        anatomy.landmarks().iliacCrest() + 110);
                if (c == null) {
                    return null;
                }
                String side = c[0] < 0 ? "right" : "left";
                location = chance(0.5) ? Phrase.of("{attrs} {noun} in the " + side + " hemipelvis", "pelvic bone")
                        : Phrase.of("{attrs} {noun} in the " + side + " pelvic bone", "pelvic bone");
            }
            case 3 -> {
                host = Organ.SACRUM;
                c = sampleInside(EnumSet.of(Organ.SACRUM), Organ.SACRUM, 0, 0, 1e9);
                if (c == null) {
                    return null;
                }
                location = chance(0.5) ? Phrase.of("{attrs} sacral {noun}", "sacrum")
                        : Phrase.of("{attrs} {noun} in the sacrum", "sacrum");
            }
            default -> {
                host = Organ.STERNUM;
                c = sampleInside(EnumSet.of(Organ.STERNUM), Organ.STERNUM, 0, 0, 1e9);
                if (c == null) {
                    return null;
                }
                size = Math.min(size, 25);
                location = chance(0.5) ? Phrase.of("{attrs} sternal {noun}", "sternum")
                        : Phrase.of("{attrs} {noun} in the sternum", "sternum");
            }
        }
        List<Phrase> attrs = new ArrayList<>();
        Appearance look;
        if (chance(0.55)) {
            if (size >= 18 && chance(0.35)) {
                attrs.add(Phrase.of("expansile", "expansile"));
            }
            attrs.add(Phrase.of("lytic", "lytic"));
            look = Appearance.solid(rnd.nextDouble(25, 60), 0.8).withTexture(8);
        } else {
            attrs.add(Phrase.of("sclerotic", "sclerotic"));
            look = Appearance.solid(rnd.nextDouble(880, 1150), 1.2).withTexture(70);
        }
        return new Design(new Finding(LesionKind.BONE_LESION, LesionKind.BONE_LESION.coarseType(), host, location,
                Phrase.of("lesion"), attrs, false, chance(0.35) ? Phrase.of("metastasis", "metastasis") : null),
                shape(c, Math.max(size, 4), rnd.nextDouble(0.7, 0.95), Harmonics.random(rnd, 2, 0.06), 0, 0), look);
    }

    // ---- shared ----

    private Design node(LesionKind kind, Organ host, double[] c, double size, Phrase location, boolean mayCalcify) {
        List<Phrase> attrs = new ArrayList<>();
        Appearance look = Appearance.solid(rnd.nextDouble(32, 46), 0.8).withTexture(5);
        boolean benign = false;
        Phrase suspicion = chance(0.25) ? Phrase.of("metastatic", "metastasis") : null;
        double roll = rnd.nextDouble();
        if (mayCalcify && roll < 0.07) {
            attrs.add(Phrase.of("calcified", "calcified"));
            look = look.withCalcification(rnd.nextDouble(0.4, 0.7), rnd.nextDouble(400, 700));
            benign = true;
            suspicion = null;
        } else if (size >= 18 && roll < 0.17) {
            attrs.add(Phrase.of("necrotic", "necrosis"));
            look = look.withCore(0.5, rnd.nextDouble(8, 18));
        } else if (size < 13 && roll < 0.4) {
            attrs.add(Phrase.of("prominent", "prominent"));
        } else if (roll < 0.7) {
            attrs.add(Phrase.of("enlarged"));
        }
        Finding finding = new Finding(kind, kind.coarseType(), host, location, Phrase.of(""), attrs, benign, suspicion);
        return new Design(finding, shape(c, size, rnd.nextDouble(0.5, 0.8), Harmonics.random(rnd, 2, 0.04), 0, 0), look);
    }

    private LesionShape shape(double[] c, double size, double ratio, Harmonics lobes, int spicules, double spiculeLength) {
        double a = size / 2;
        // spicules and lobes reach past the ellipse: shrink it so the drawn long axis stays near size
        double reach = 1 + 0.6 * lobes.spread() + 0.35 * spiculeLength;
        a /= reach;
        double[] angles = new double[spicules];
        for (int k = 0; k < spicules; k++) {
            angles[k] = rnd.nextDouble(2 * Math.PI);
        }
        return new LesionShape(c[0], c[1], c[2], a, a * ratio, a * rnd.nextDouble(0.7, 1.05),
                rnd.nextDouble(Math.PI), lobes, spicules, spiculeLength, angles);
    }

    /**
     * A point whose surroundings at {@code radius} (six directions in the slice, and above and
     * below) all lie in {@code accept}; null after 400 tries.
     */
    private double[] sampleInside(Set<Organ> accept, Organ extentOf, double radius, double sMin, double sMax) {
        double[] e = anatomy.extent(extentOf);
        if (e == null) {
            return null;
        }
        double lo = Math.max(e[4], sMin), hi = Math.min(e[5], sMax);
        if (lo >= hi) {
            return null;
        }
        for (int tries = 0; tries < 400; tries++) {
            double x = rnd.nextDouble(e[0], e[1]), y = rnd.nextDouble(e[2], e[3]), s = rnd.nextDouble(lo, hi);
            if (!accept.contains(anatomy.organAt(x, y, s))) {
                continue;
            }
            boolean inside = true;
            for (int k = 0; k < 8 && inside && radius > 0; k++) {
                double px = x, py = y, ps = s;
                if (k < 6) {
                    px += radius * Math.cos(k * Math.PI / 3);
                    py += radius * Math.sin(k * Math.PI / 3);
                } else {
                    ps += (k == 6 ? 1 : -1) * radius * 0.7;
                }
                inside = accept.contains(anatomy.organAt(px, py, ps));
            }
            if (inside) {
                return new double[] {x, y, s};
            }
        }
        return null;
    }

    /** A point near a station, preferring one whose tissue is in {@code prefer}. */
    private double[] nearStation(Station station, double spreadMm, Set<Organ> prefer) {
        double[] base = anatomy.stations().get(station);
        for (int tries = 0; tries < 40; tries++) {
            double[] c = {base[0] + rnd.nextGaussian() * spreadMm, base[1] + rnd.nextGaussian() * spreadMm,
                base[2] + rnd.nextGaussian() * spreadMm};
            if (prefer.contains(anatomy.organAt(c[0], c[1], c[2]))) {
                return c;
            }
        }
        return base.clone();
    }

    private boolean exophytic(double[] c, double radius, Organ organ) {
        for (int k = 0; k < 6; k++) {
            if (anatomy.organAt(c[0] + radius * Math.cos(k * Math.PI / 3), c[1] + radius * Math.sin(k * Math.PI / 3),
                    c[2]) != organ) {
                return true;
            }
        }
        return false;
    }

    private Station pickStation(Station[] stations, double... weights) {
        return stations[pick(weights)];
    }

    private int pick(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble(total);
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }
}
