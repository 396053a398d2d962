package org.lesionsearch.core.tracking;

import java.util.List;
import java.util.Optional;

/**
 * One lesion instance followed over time: at most one lesion per study, in study order.
 *
 * @param id {@code T1}, {@code T2}... in order of first appearance, unique within a patient
 * @param target whether RECIST counts it as a target lesion (chosen at baseline)
 * @param lymphNode whether it is a lymph node (measured by its short axis)
 */
public record Track(String id, boolean target, boolean lymphNode, List<TrackPoint> points) {

    public Track {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("track " + id + " has no lesion");
        }
    }

    public TrackPoint first() {
        return points.getFirst();
    }

    public Optional<TrackPoint> in(String studyId) {
        return points.stream().filter(p -> p.studyId().equals(studyId)).findFirst();
    }
}
