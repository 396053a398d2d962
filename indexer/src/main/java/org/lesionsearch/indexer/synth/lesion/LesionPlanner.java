package org.lesionsearch.indexer.synth.lesion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lesionsearch.indexer.synth.anatomy.Anatomy;

/**
 * Plans a patient's lesions over all studies: the organs the disease involves, the lesions at
 * baseline, new lesions at follow-up, each lesion's response (grow, shrink, stay, disappear)
 * following the patient's course, and which lesions the radiologist measured in each study.
 */
public final class LesionPlanner {

    /** Long axes are kept within this range, the range DeepLesion's bookmarks cover. */
    public static final double MIN_SIZE_MM = 3;
    public static final double MAX_SIZE_MM = 80;

    private final Anatomy anatomy;
    private final SplittableRandom rnd;
    private final LesionFactory factory;

    public LesionPlanner(Anatomy anatomy, SplittableRandom rnd) {
        this.anatomy = anatomy;
        this.rnd = rnd;
        this.factory = new LesionFactory(anatomy, rnd);
    }

    public List<LesionTrack> plan(String patientKey, int studies, PatientCourse course) {
        List<LesionKind> sites = involvedSites();
        List<LesionTrack> tracks = new ArrayList<>();
        int baseline = 3 + rnd.nextInt(5);
        for (int k = 0; k < baseline; k++) {
            LesionKind kind = k == baseline - 1 && rnd.nextDouble() < 0.15 ? anyKind() : sites.get(rnd.nextInt(sites.size()));
            add(tracks, patientKey, kind, 1, studies, course, 1.0);
        }
        if (course == PatientCourse.PROGRESSING || course == PatientCourse.MIXED) {
            for (int study = 2; study <= studies; study++) {
                int fresh = poisson(course == PatientCourse.PROGRESSING ? 0.7 : 0.4);
                for (int k = 0; k < fresh; k++) {
                    add(tracks, patientKey, sites.get(rnd.nextInt(sites.size())), study, studies, course, 0.6);
                }
            }
        }
        ensureMeasured(tracks, studies);
        return tracks;
    }

    private void add(List<LesionTrack> tracks, String patientKey, LesionKind kind, int firstStudy, int studies,
                     PatientCourse course, double sizeScale) {
        for (int attempt = 0; attempt < 6; attempt++) {
            LesionKind k = attempt < 3 ? kind : anyKind();
            double size = clamp(Math.exp(Math.log(k.medianMm()) + k.logSpread() * rnd.nextGaussian()) * sizeScale,
                    MIN_SIZE_MM + 1, MAX_SIZE_MM);
            LesionFactory.Design design = factory.design(k, size);
            if (design == null || overlaps(design, tracks)) {
                continue;
            }
            ResponsePattern pattern = design.finding().benign() ? ResponsePattern.STABLE
                    : firstStudy > 1 ? ResponsePattern.GROWING : patternFor(course);
            double[] factors = factors(pattern, firstStudy, studies, design);
            boolean[] measured = new boolean[studies];
            for (int s = 1; s <= studies; s++) {
                double longAxis = 2 * design.shape().a() * factors[s - 1];
                measured[s - 1] = factors[s - 1] > 0 && longAxis >= MIN_SIZE_MM
                        && rnd.nextDouble() < (s == firstStudy ? 0.95 : 0.88);
            }
            String id = String.format(Locale.ROOT, "%s-L%02d", patientKey, tracks.size() + 1);
            tracks.add(new LesionTrack(id, design, rnd.nextLong(), pattern, firstStudy, factors, measured));
            return;
        }
    }

    private double[] factors(ResponsePattern pattern, int firstStudy, int studies, LesionFactory.Design design) {
        double[] f = new double[studies];
        double nominal = 2 * design.shape().a() * design.shape().maxBoundary();
        double ceiling = MAX_SIZE_MM / nominal;
        double rate = switch (pattern) {
            case STABLE -> 1;
            case GROWING -> rnd.nextDouble(1.1, 1.4);
            case SHRINKING -> rnd.nextDouble(0.62, 0.9);
            case RESOLVING -> rnd.nextDouble(0.45, 0.7);
        };
        int vanishes = pattern == ResponsePattern.RESOLVING ? firstStudy + 1 + rnd.nextInt(Math.max(1, studies - firstStudy))
                : Integer.MAX_VALUE;
        double factor = 1;
        for (int s = firstStudy; s <= studies; s++) {
            if (s >= vanishes) {
                break;
            }
            if (s > firstStudy) {
                factor *= pattern == ResponsePattern.STABLE ? 1 + 0.03 * rnd.nextGaussian() : rate;
            }
            factor = Math.min(factor, ceiling);
            if (pattern == ResponsePattern.SHRINKING) {
                factor = Math.max(factor, 0.3);
            }
            f[s - 1] = nominal * factor < 1.5 ? 0 : factor;
        }
        return f;
    }

    /** The organ systems this patient's disease involves, one to three. */
    private List<LesionKind> involvedSites() {
        List<LesionKind> sites = new ArrayList<>();
        int count = 1 + rnd.nextInt(3);
        while (sites.size() < count) {
            LesionKind k = anyKind();
            if (!sites.contains(k)) {
                sites.add(k);
            }
        }
        return sites;
    }

    private LesionKind anyKind() {
        LesionKind[] kinds = LesionKind.values();
        double total = 0;
        for (LesionKind k : kinds) {
            total += k.weight();
        }
        double r = rnd.nextDouble(total);
        for (LesionKind k : kinds) {
            r -= k.weight();
            if (r < 0) {
                return k;
            }
        }
        return kinds[kinds.length - 1];
    }

    private ResponsePattern patternFor(PatientCourse course) {
        double r = rnd.nextDouble();
        return switch (course) {
            case RESPONDING -> r < 0.6 ? ResponsePattern.SHRINKING : r < 0.8 ? ResponsePattern.RESOLVING : ResponsePattern.STABLE;
            case PROGRESSING -> r < 0.7 ? ResponsePattern.GROWING : ResponsePattern.STABLE;
            case STABLE -> r < 0.85 ? ResponsePattern.STABLE : r < 0.95 ? ResponsePattern.GROWING : ResponsePattern.SHRINKING;
            case MIXED -> r < 0.35 ? ResponsePattern.GROWING : r < 0.7 ? ResponsePattern.SHRINKING
                    : r < 0.9 ? ResponsePattern.STABLE : ResponsePattern.RESOLVING;
        };
    }

    /** Lesions must not overlap at their largest: keeps every drawn lesion measurable on its own. */
    private boolean overlaps(LesionFactory.Design design, List<LesionTrack> tracks) {
        LesionShape a = design.shape();
        double ra = a.a() * a.maxBoundary() * 1.6;
        for (LesionTrack t : tracks) {
            LesionShape b = t.design().shape();
            double rb = b.a() * b.maxBoundary() * 1.6;
            double d = Math.sqrt(Math.pow(a.x() - b.x(), 2) + Math.pow(a.y() - b.y(), 2) + Math.pow(a.s() - b.s(), 2));
            if (d < ra + rb + 4) {
                return true;
            }
        }
        return false;
    }

    /** Every study with a lesion present has at least one measurement: the study was bookmarked. */
    private static void ensureMeasured(List<LesionTrack> tracks, int studies) {
        for (int s = 1; s <= studies; s++) {
            boolean any = false;
            LesionTrack largest = null;
            for (LesionTrack t : tracks) {
                any |= t.measured(s);
                if (t.present(s) && (largest == null || t.nominalLongAxisMm(s) > largest.nominalLongAxisMm(s))) {
                    largest = t;
                }
            }
            if (!any && largest != null) {
                boolean[] m = largest.measured();
                m[s - 1] = true;
                tracks.set(tracks.indexOf(largest), new LesionTrack(largest.instanceId(), largest.design(),
                        largest.textureSeed(), largest.pattern(), largest.firstStudy(), largest.factors(), m));
            }
        }
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
