package org.lesionsearch.indexer.synth.study;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lesionsearch.indexer.synth.anatomy.Anatomy;
import org.lesionsearch.indexer.synth.anatomy.Landmarks;

/**
 * Plans a patient's studies: dates months apart, and for each a new position on the table
 * (shift, small rotation, table height, scan start), a field of view that fits the body, a slice
 * thickness and a noise level, so raw coordinates differ between studies.
 */
public final class StudyPlanner {

    public static final int IMAGE_SIZE = 512;
    public static final double MIN_PIXEL_SPACING = 0.6;
    public static final double MAX_PIXEL_SPACING = 0.9;
    private static final double[] THICKNESS = {1, 1.25, 2, 2.5, 3, 5};
    private static final double[] THICKNESS_WEIGHT = {0.34, 0.05, 0.1, 0.1, 0.06, 0.35};

    private StudyPlanner() {
    }

    public static List<StudyPlan> plan(Anatomy anatomy, int count, LocalDate baselineDate, LocalDate birthDate,
                                       SplittableRandom rnd) {
        List<StudyPlan> studies = new ArrayList<>();
        LocalDate date = baselineDate;
        Landmarks lm = anatomy.landmarks();
        double bodyWidth = 2 * anatomy.maxHalfWidth();
        double minSpacing = Math.max(MIN_PIXEL_SPACING, bodyWidth / (0.92 * IMAGE_SIZE));
        for (int index = 1; index <= count; index++) {
            if (index > 1) {
                date = date.plusDays(42 + rnd.nextInt(200));
            }
            Pose pose = new Pose(rnd.nextGaussian() * 12, rnd.nextGaussian() * 12, rnd.nextDouble(-150, 250),
                    Math.toRadians(Math.max(-5, Math.min(5, rnd.nextGaussian() * 2))));
            double spacing = minSpacing >= MAX_PIXEL_SPACING ? MAX_PIXEL_SPACING
                    : rnd.nextDouble(minSpacing, MAX_PIXEL_SPACING);
            // a whole number of mm of field of view, as scanners offer, within the spacing limits
            double fov = Math.max(Math.ceil(MIN_PIXEL_SPACING * IMAGE_SIZE),
                    Math.min(Math.floor(MAX_PIXEL_SPACING * IMAGE_SIZE), Math.round(spacing * IMAGE_SIZE)));
            spacing = fov / IMAGE_SIZE;
            double thickness = THICKNESS[pick(rnd, THICKNESS_WEIGHT)];
            double start = lm.lungApex() - rnd.nextDouble(25, 60);
            // the phantom's legs are not separate: stop just below the pubic symphysis
            double end = lm.pubis() + rnd.nextDouble(15, 35);
            int slices = (int) Math.ceil((end - start) / thickness) + 1;
            // the body sits a little above the image centre, the table below it
            double centreX = rnd.nextGaussian() * 6;
            double centreY = pose.ty() + rnd.nextDouble(10, 40);
            double origin = -(IMAGE_SIZE - 1) / 2.0 * spacing;
            int age = (int) ChronoUnit.YEARS.between(birthDate, date);
            int series = rnd.nextDouble() < 0.7 ? 1 : rnd.nextDouble() < 0.67 ? 2 : 3;
            studies.add(new StudyPlan(index, series, date, age, pose, IMAGE_SIZE, IMAGE_SIZE, spacing, thickness, slices,
                    start, centreX + origin, centreY + origin, noiseSigma(rnd), rnd.nextBoolean()));
        }
        return studies;
    }

    /** Image noise between 10 and 25 HU, most studies near the low end as with dose modulation. */
    private static double noiseSigma(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return 10 + 15 * u * u;
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double r = rnd.nextDouble();
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
