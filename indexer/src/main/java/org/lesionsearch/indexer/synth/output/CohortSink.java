package org.lesionsearch.indexer.synth.output;

import java.io.IOException;
import java.util.List;
import org.lesionsearch.indexer.synth.PatientPlan;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/** Where the cohort's images and tables go: a DeepLesion folder or a DICOM folder. */
public sealed interface CohortSink permits DeepLesionWriter, DicomCohortWriter {

    /** Writes one slice in HU. Called from several threads, each for its own patients. */
    void slice(PatientPlan patient, StudyPlan study, int slice, short[] hu) throws IOException;

    /** Writes the tables once every patient is done (records sorted by patient, study, slice). */
    void finish(List<GroundTruthRecord> lesions, List<StudyRecord> studies) throws IOException;
}
