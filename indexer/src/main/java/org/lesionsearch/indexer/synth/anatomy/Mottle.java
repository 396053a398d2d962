package org.lesionsearch.indexer.synth.anatomy;

/**
 * Smooth pseudo-random texture in [-1, 1] over the body frame: value noise on a lattice of
 * {@code cellMm}, interpolated, fixed by a seed. Used for bowel content and lesion texture.
 */
public record Mottle(long seed, double cellMm) {

    public double at(double x, double y, double s) {
        double gx = x / cellMm, gy = y / cellMm, gs = s / cellMm;
        int ix = (int) Math.floor(gx), iy = (int) Math.floor(gy), is = (int) Math.floor(gs);
        double fx = smooth(gx - ix), fy = smooth(gy - iy), fs = smooth(gs - is);
        double v000 = lattice(ix, iy, is), v100 = lattice(ix + 1, iy, is);
        double v010 = lattice(ix, iy + 1, is), v110 = lattice(ix + 1, iy + 1, is);
        double v001 = lattice(ix, iy, is + 1), v101 = lattice(ix + 1, iy, is + 1);
        double v011 = lattice(ix, iy + 1, is + 1), v111 = lattice(ix + 1, iy + 1, is + 1);
        double a = lerp(lerp(v000, v100, fx), lerp(v010, v110, fx), fy);
        double b = lerp(lerp(v001, v101, fx), lerp(v011, v111, fx), fy);
        return lerp(a, b, fs);
    }

    private double lattice(int x, int y, int z) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL) ^ (z * 0x165667B19E3779F9L);
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
