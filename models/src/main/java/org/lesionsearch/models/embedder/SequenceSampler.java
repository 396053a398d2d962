package org.lesionsearch.models.embedder;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;

/**
 * LesionGraph's sequential sampling: a sequence A, B, C, D, E ordered by the supervision cues.
 * B has A's coarse type, a similar location and a similar size; C the type and location but
 * not the size; D the type but not the location; E another type.
 *
 * @param nearLocation largest normalised-location distance that counts as similar
 * @param similarSizeRatio largest ratio of long axes that counts as similar size
 */
public record SequenceSampler(double nearLocation, double similarSizeRatio) {

    /** The cues of one lesion; lesions with an unknown type or location are never sampled. */
    public record Cues(CoarseType type, BodyLocation location, double sizeMm) {
        boolean usable() {
            return type != CoarseType.UNKNOWN && location != null && sizeMm > 0;
        }
    }

    public static SequenceSampler defaults() {
        return new SequenceSampler(0.1, 1.5);
    }

    /**
     * Up to {@code sequences} sequences of five indices into {@code cues}; fewer when the cues
     * leave too few candidates.
     */
    public List<int[]> sample(List<Cues> cues, int sequences, RandomGenerator random) {
        Map<CoarseType, List<Integer>> byType = new EnumMap<>(CoarseType.class);
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i).usable()) {
                byType.computeIfAbsent(cues.get(i).type(), t -> new ArrayList<>()).add(i);
                usable.add(i);
            }
        }
        List<int[]> out = new ArrayList<>();
        if (byType.size() < 2) {
            return out;
        }
        for (int attempt = 0; attempt < sequences * 20 && out.size() < sequences; attempt++) {
            int a = usable.get(random.nextInt(usable.size()));
            int[] sequence = sequenceFor(a, cues, byType, usable, random);
            if (sequence != null) {
                out.add(sequence);
            }
        }
        return out;
    }

    private int[] sequenceFor(int a, List<Cues> cues, Map<CoarseType, List<Integer>> byType, List<Integer> usable,
                              RandomGenerator random) {
        Cues anchor = cues.get(a);
        List<Integer> b = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        List<Integer> d = new ArrayList<>();
        for (int i : byType.get(anchor.type())) {
            if (i == a) {
                continue;
            }
            Cues other = cues.get(i);
            boolean near = anchor.location().distanceTo(other.location()) < nearLocation;
            double ratio = Math.max(anchor.sizeMm(), other.sizeMm()) / Math.min(anchor.sizeMm(), other.sizeMm());
            if (!near) {
                d.add(i);
            } else if (ratio <= similarSizeRatio) {
                b.add(i);
            } else {
                c.add(i);
            }
        }
        if (b.isEmpty() || c.isEmpty() || d.isEmpty()) {
            return null;
        }
        int e;
        do {
            e = usable.get(random.nextInt(usable.size()));
        } while (cues.get(e).type() == anchor.type());
        return new int[] {a, pick(b, random), pick(c, random), pick(d, random), e};
    }

    private static int pick(List<Integer> from, RandomGenerator random) {
        return from.get(random.nextInt(from.size()));
    }
}
