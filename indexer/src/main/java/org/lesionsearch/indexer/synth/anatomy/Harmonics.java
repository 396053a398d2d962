package org.lesionsearch.indexer.synth.anatomy;

import java.util.SplittableRandom;

/**
 * A smooth wobble of an outline: the boundary radius is multiplied by
 * {@code 1 + sum a_k cos((k + 2) phi + p_k)}, so organs are not perfect ellipses. Evaluated from
 * a table, since painting asks for it at every pixel near an outline.
 */
public final class Harmonics {

    public static final Harmonics NONE = new Harmonics(new double[0], new double[0]);
    private static final int TABLE_SIZE = 1024;

    private final double[] amplitudes;
    private final double[] phases;
    private final float[] table = new float[TABLE_SIZE + 1];
    private final double spread;

    public Harmonics(double[] amplitudes, double[] phases) {
        if (amplitudes.length != phases.length) {
            throw new IllegalArgumentException("one phase per amplitude");
        }
        this.amplitudes = amplitudes.clone();
        this.phases = phases.clone();
        double sum = 0;
        for (double a : amplitudes) {
            sum += Math.abs(a);
        }
        this.spread = sum;
        for (int k = 0; k <= TABLE_SIZE; k++) {
            table[k] = (float) exactFactor(-Math.PI + 2 * Math.PI * k / TABLE_SIZE);
        }
    }

    /** Random orders 2..(1 + count) with amplitudes up to {@code maxAmplitude} each. */
    public static Harmonics random(SplittableRandom rnd, int count, double maxAmplitude) {
        double[] a = new double[count];
        double[] p = new double[count];
        for (int k = 0; k < count; k++) {
            a[k] = rnd.nextDouble(maxAmplitude) / (1 + 0.5 * k);
            p[k] = rnd.nextDouble(2 * Math.PI);
        }
        return new Harmonics(a, p);
    }

    /** The radius factor at angle {@code phi} (radians, any turn). */
    public double factor(double phi) {
        if (phi < -Math.PI || phi > Math.PI) {
            phi -= 2 * Math.PI * Math.floor((phi + Math.PI) / (2 * Math.PI));
        }
        double pos = (phi + Math.PI) * (TABLE_SIZE / (2 * Math.PI));
        int k = Math.max(0, Math.min(TABLE_SIZE - 1, (int) pos));
        double t = pos - k;
        return table[k] + (table[k + 1] - table[k]) * t;
    }

    private double exactFactor(double phi) {
        double f = 1;
        for (int k = 0; k < amplitudes.length; k++) {
            f += amplitudes[k] * Math.cos((k + 2) * phi + phases[k]);
        }
        return f;
    }

    /** Sum of absolute amplitudes: the factor lies within {@code 1 +- spread()}. */
    public double spread() {
        return spread;
    }

    public double[] amplitudes() {
        return amplitudes.clone();
    }

    public double[] phases() {
        return phases.clone();
    }

    /** Angle of (x, y) in [-pi, pi] to within about 0.01 rad: enough for outlines, several times faster than atan2. */
    public static double angle(double y, double x) {
        double ax = Math.abs(x), ay = Math.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        double a = Math.min(ax, ay) / Math.max(ax, ay);
        double s = a * a;
        double r = ((-0.0464964749 * s + 0.15931422) * s - 0.327622764) * s * a + a;
        if (ay > ax) {
            r = Math.PI / 2 - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        return y < 0 ? -r : r;
    }
}
