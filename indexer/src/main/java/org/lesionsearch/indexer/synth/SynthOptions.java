package org.lesionsearch.indexer.synth;

/**
 * What to generate.
 *
 * @param patients number of patients
 * @param seed the cohort seed: the same seed gives the same files
 * @param neighbours slices written on each side of every key slice
 * @param fullVolumes write every slice of every study instead of key slices and neighbours
 * @param threads worker threads; the output does not depend on it
 */
public record SynthOptions(int patients, long seed, OutputFormat format, int neighbours, boolean fullVolumes,
                           int threads) {

    /** At most this many patients: patient numbers keep DeepLesion's six digits. */
    public static final int MAX_PATIENTS = 99_999;

    public SynthOptions {
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("patients must be between 1 and " + MAX_PATIENTS + ", was " + patients);
        }
        if (neighbours < 0 || neighbours > 30) {
            throw new IllegalArgumentException("neighbours must be between 0 and 30, was " + neighbours);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (format == null) {
            throw new IllegalArgumentException("an output format is required");
        }
    }

    public static SynthOptions defaults(int patients, long seed) {
        return new SynthOptions(patients, seed, OutputFormat.DEEPLESION, 2, false,
                Runtime.getRuntime().availableProcessors());
    }

    public SynthOptions withFormat(OutputFormat value) {
        return new SynthOptions(patients, seed, value, neighbours, fullVolumes, threads);
    }

    public SynthOptions withThreads(int value) {
        return new SynthOptions(patients, seed, format, neighbours, fullVolumes, value);
    }

    public SynthOptions withFullVolumes(boolean value) {
        return new SynthOptions(patients, seed, format, neighbours, value, threads);
    }

    public SynthOptions withNeighbours(int value) {
        return new SynthOptions(patients, seed, format, value, fullVolumes, threads);
    }
}
