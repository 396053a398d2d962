package org.lesionsearch.indexer.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.annotation.Measurement;
import org.lesionsearch.indexer.synth.annotation.Radiologist;
import org.lesionsearch.indexer.synth.annotation.ReportSentence;
import org.lesionsearch.indexer.synth.annotation.ReportWriter;
import org.lesionsearch.indexer.synth.lesion.Finding;
import org.lesionsearch.indexer.synth.lesion.LesionKind;
import org.lesionsearch.indexer.synth.lesion.LesionShape;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.output.CohortSink;
import org.lesionsearch.indexer.synth.output.DeepLesionWriter;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.indexer.synth.output.StudyRecord;
import org.lesionsearch.indexer.synth.output.Uids;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * Generates one patient: for each study, the radiologist's measurements, the slices they need
 * (key slices and neighbours, or the whole volume), the report sentences, and the ground-truth
 * and study records.
 */
public final class PatientGenerator {

    /** Everything one patient produced. */
    public record Result(List<GroundTruthRecord> lesions, List<StudyRecord> studies, long slices) {
    }

    private final SynthOptions options;
    private final LesionOntology ontology;
    private final Uids uids;

    public PatientGenerator(SynthOptions options, LesionOntology ontology) {
        this.options = options;
        this.ontology = ontology;
        this.uids = new Uids(options.seed());
    }

    public Result generate(PatientPlan patient, SliceRenderer renderer, CohortSink sink) throws IOException {
        List<GroundTruthRecord> lesions = new ArrayList<>();
        List<StudyRecord> studies = new ArrayList<>();
        long slices = 0;
        for (StudyPlan study : patient.studies()) {
            List<Measured> measured = measure(patient, study);
            TreeSet<Integer> needed = slicesFor(study, measured);
            Set<Integer> keys = new TreeSet<>();
            measured.forEach(m -> keys.add(m.measurement().keySlice()));
            Map<Integer, int[]> bodyBoxes = new HashMap<>();
            for (int slice : needed) {
                short[] hu = renderer.render(patient, study, slice);
                if (keys.contains(slice)) {
                    bodyBoxes.put(slice, renderer.bodyBox());
                }
                if (sink != null) {
                    sink.slice(patient, study, slice, hu);
                }
                slices++;
            }
            lesions.addAll(records(patient, study, measured, needed, bodyBoxes));
            studies.add(studyRecord(patient, study, needed));
        }
        return new Result(lesions, studies, slices);
    }

    private record Measured(int trackIndex, LesionTrack track, Measurement measurement) {
    }

    private List<Measured> measure(PatientPlan patient, StudyPlan study) {
        Radiologist radiologist = new Radiologist(patient.seed().derive("radiologist", study.index()).random());
        List<Measured> out = new ArrayList<>();
        List<LesionTrack> tracks = patient.tracks();
        for (int k = 0; k < tracks.size(); k++) {
            LesionTrack t = tracks.get(k);
            if (t.measured(study.index())) {
                Measurement m = radiologist.measure(t, study);
                if (m != null) {
                    out.add(new Measured(k, t, m));
                }
            }
        }
        // DeepLesion's order within a study: by key slice, then by lesion
        out.sort(Comparator.comparingInt((Measured m) -> m.measurement().keySlice()).thenComparingInt(Measured::trackIndex));
        return out;
    }

    private TreeSet<Integer> slicesFor(StudyPlan study, List<Measured> measured) {
        TreeSet<Integer> slices = new TreeSet<>();
        if (options.fullVolumes()) {
            for (int k = 1; k <= study.sliceCount(); k++) {
                slices.add(k);
            }
            return slices;
        }
        for (Measured m : measured) {
            int key = m.measurement().keySlice();
            for (int k = Math.max(1, key - options.neighbours()); k <= Math.min(study.sliceCount(), key + options.neighbours()); k++) {
                slices.add(k);
            }
        }
        return slices;
    }

    private List<GroundTruthRecord> records(PatientPlan patient, StudyPlan study, List<Measured> measured,
                                            TreeSet<Integer> written, Map<Integer, int[]> bodyBoxes) {
        SplittableRandom rnd = patient.seed().derive("records", study.index()).random();
        ReportWriter reports = new ReportWriter(ontology, patient.seed().derive("report", study.index()).random());
        List<GroundTruthRecord> out = new ArrayList<>();
        int previousKey = -1, ordinal = 0;
        for (Measured item : measured) {
            Measurement m = item.measurement();
            LesionTrack track = item.track();
            Finding finding = track.design().finding();
            LesionShape shape = track.design().shape();
            int key = m.keySlice();
            ordinal = key == previousKey ? ordinal + 1 : 1;
            previousKey = key;
            String fileName = DeepLesionWriter.seriesFolder(patient.patientIndex(), study.index(), study.seriesId())
                    + "_" + String.format(Locale.ROOT, "%03d", key) + ".png";
            String lesionId = fileName.substring(0, fileName.length() - 4) + "_" + ordinal;

            ReportWriter.Change change = change(track, study.index());
            ReportSentence sentence = reports.write(finding, change, m.longAxisMm(), m.shortAxisMm(), study.seriesId(), key);
            List<String> labels = sentence.labels().stream().sorted().toList();
            List<String> expanded = ontology.expandParents(labels).stream().sorted().toList();

            int[] body = bodyBoxes.get(key);
            double[] centre = study.toPixel(shape.x(), shape.y());
            double[] box = m.boxPx(study.width(), study.height());
            double z = patient.anatomy().landmarks().normalisedZ(shape.s());
            double[] trueLocation = {normalise(centre[0], body[0], body[2]), normalise(centre[1], body[1], body[3]), clamp01(z)};
            double zKey = patient.anatomy().landmarks().normalisedZ(study.sliceS(key)) + 0.004 * rnd.nextGaussian();
            double[] measuredLocation = {normalise((box[0] + box[2]) / 2, body[0], body[2]),
                normalise((box[1] + box[3]) / 2, body[1], body[3]), clamp01(zKey)};
            double[] scanner = study.pose().toScanner(shape.x(), shape.y(), shape.s());
            double[] truth = new double[8];
            System.arraycopy(m.truth().longAxis(), 0, truth, 0, 4);
            System.arraycopy(m.truth().shortAxis(), 0, truth, 4, 4);

            out.add(new GroundTruthRecord(lesionId, fileName, track.instanceId(), patient.patientIndex(), study.index(),
                    study.seriesId(), key, study.date().toString(), study.ageYears(), patient.sex().name(),
                    patient.split(), finding.kind().name(), finding.coarseType().code(), finding.coarseType().label(),
                    finding.host().name(), bodyPart(finding), labels, expanded,
                    sentence.distractors().stream().map(d -> new GroundTruthRecord.Distractor(d.label(),
                            d.relation().name(), d.words())).toList(),
                    sentence.text(), round(trueLocation, 6), round(measuredLocation, 6),
                    round(new double[] {shape.x(), shape.y(), shape.s()}, 3), round(scanner, 3),
                    round(m.truth().longLength() * study.pixelSpacing(), 3),
                    round(m.truth().shortLength() * study.pixelSpacing(), 3), round(m.longAxisMm(), 3),
                    round(m.shortAxisMm(), 3), round(m.endpointsPx(), 3), round(truth, 3), round(box, 3),
                    round(m.truthBoxPx(), 3), track.pattern().name(), change.name(),
                    round(track.factor(study.index()), 4), track.firstStudy() > 1 && track.firstStudy() == study.index(),
                    m.possiblyNoisy(), new double[] {study.pixelSpacing(), study.pixelSpacing(), study.thickness()},
                    sliceRange(written, key), window(finding, rnd), uids.study(patient.patientIndex(), study.index()),
                    uids.series(patient.patientIndex(), study.index()),
                    uids.instance(patient.patientIndex(), study.index(), key)));
        }
        return out;
    }

    private StudyRecord studyRecord(PatientPlan patient, StudyPlan study, TreeSet<Integer> written) {
        List<StudyRecord.LesionState> states = new ArrayList<>();
        for (LesionTrack t : patient.tracks()) {
            int s = study.index();
            states.add(new StudyRecord.LesionState(t.instanceId(), t.design().finding().kind().name(), t.present(s),
                    t.measured(s), round(t.factor(s), 4), round(t.nominalLongAxisMm(s), 2)));
        }
        return new StudyRecord(patient.patientIndex(), study.index(), study.seriesId(), study.date().toString(),
                study.ageYears(), patient.sex().name(), patient.split(), patient.course().name(), study.pixelSpacing(),
                study.thickness(), study.sliceCount(), round(new double[] {study.pose().tx(), study.pose().ty(),
                    study.pose().tz(), Math.toDegrees(study.pose().yaw())}, 3), round(study.noiseSigma(), 2),
                List.copyOf(written), states, uids.study(patient.patientIndex(), study.index()),
                uids.series(patient.patientIndex(), study.index()));
    }

    private static ReportWriter.Change change(LesionTrack track, int study) {
        if (!track.seenBefore(study)) {
            return study > 1 && track.firstStudy() == study ? ReportWriter.Change.NEW : ReportWriter.Change.FIRST_SEEN;
        }
        int previous = study - 1;
        while (previous > 1 && !track.present(previous)) {
            previous--;
        }
        double ratio = track.factor(study) / track.factor(previous);
        return ratio > 1.15 ? ReportWriter.Change.LARGER : ratio < 0.87 ? ReportWriter.Change.SMALLER
                : ReportWriter.Change.UNCHANGED;
    }

    /** The finest body-part label of the lesion's location: the one with most ancestors. */
    private String bodyPart(Finding finding) {
        String best = null;
        int depth = -1;
        for (String label : finding.location().labels()) {
            if (ontology.vocabulary().classOf(label).orElse(null) == LabelClass.BODY_PART) {
                int d = ontology.ancestors(label).size();
                if (d > depth) {
                    depth = d;
                    best = label;
                }
            }
        }
        return best;
    }

    private static double[] window(Finding finding, SplittableRandom rnd) {
        if (finding.kind() == LesionKind.LUNG_NODULE) {
            return rnd.nextDouble() < 0.8 ? new double[] {-1500, 500} : new double[] {-1350, 150};
        }
        if (finding.kind() == LesionKind.BONE_LESION && rnd.nextDouble() < 0.7) {
            return new double[] {-450, 1050};
        }
        return rnd.nextDouble() < 0.9 ? new double[] {-175, 275} : new double[] {-160, 240};
    }

    /** The slices written next to the key slice without a gap. */
    private static int[] sliceRange(TreeSet<Integer> written, int key) {
        int first = key, last = key;
        while (written.contains(first - 1)) {
            first--;
        }
        while (written.contains(last + 1)) {
            last++;
        }
        return new int[] {first, last};
    }

    private static double normalise(double v, double lo, double hi) {
        return hi > lo ? clamp01((v - lo) / (hi - lo)) : 0.5;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static double[] round(double[] v, int digits) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i], digits);
        }
        return out;
    }
}
