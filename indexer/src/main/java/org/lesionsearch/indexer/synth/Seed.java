package org.lesionsearch.indexer.synth;

import java.util.SplittableRandom;

/**
 * A node in a tree of random seeds: every patient, study and slice derives its own seed from
 * the cohort seed and its keys, so what it draws does not depend on which thread generates it
 * or on what was generated before.
 */
public record Seed(long value) {

    /** The seed of a child, e.g. {@code cohort.derive(patient)} then {@code .derive(study, slice)}. */
    public Seed derive(long... keys) {
        long h = mix(value ^ 0x5DEECE66DL);
        for (long key : keys) {
            h = mix(h + 0x9E3779B97F4A7C15L + mix(key));
        }
        return new Seed(h);
    }

    /** A derived seed named by a purpose, e.g. {@code "anatomy"}, so streams never collide. */
    public Seed derive(String purpose, long... keys) {
        return derive(purpose.hashCode()).derive(keys);
    }

    public SplittableRandom random() {
        return new SplittableRandom(value);
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
