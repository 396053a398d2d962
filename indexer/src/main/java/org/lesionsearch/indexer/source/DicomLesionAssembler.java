package org.lesionsearch.indexer.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.indexer.dicom.CtSeries;
import org.lesionsearch.indexer.dicom.CtSeriesAssembler;
import org.lesionsearch.indexer.dicom.DicomInstance;
import org.lesionsearch.indexer.dicom.DicomReader;
import org.lesionsearch.indexer.dicom.InvalidDicomException;
import org.lesionsearch.indexer.dicom.Measurement;
import org.lesionsearch.indexer.dicom.SrMeasurementReader;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * Turns DICOM instances (from a folder or a PACS) and measurements (from sidecars and SR
 * documents among the instances) into lesion candidates, one series of work per measured CT
 * series. Lesion ids are the key image's SOP Instance UID and the measurement's number on it.
 */
public final class DicomLesionAssembler {

    public static final String PASSED_OVER_UNMEASURED = "image series without measurements";
    public static final String PASSED_OVER_NON_IMAGE = "instances that are neither images nor SR documents";

    private final DicomReader reader;
    private final CtSeriesAssembler seriesAssembler = new CtSeriesAssembler();
    private final SrMeasurementReader srReader = new SrMeasurementReader();

    public DicomLesionAssembler(DicomReader reader) {
        this.reader = reader;
    }

    /**
     * @param instances every readable instance, in a stable order (the first of two with one
     *     SOP Instance UID wins)
     * @param measurements measurements read from sidecar files
     * @param rejections rejections so far, added to
     * @param passedOver counts of what was left aside on purpose, added to
     */
    public SourceScan assemble(String description, List<DicomInstance> instances, List<Measurement> measurements,
            List<Rejection> rejections, Map<String, Long> passedOver) {
        Map<String, DicomInstance> bySop = new LinkedHashMap<>();
        List<DicomInstance> reports = new ArrayList<>();
        Map<String, List<DicomInstance>> imagesBySeries = new LinkedHashMap<>();
        for (DicomInstance i : instances) {
            if (i.sopInstanceUid().isEmpty()) {
                rejections.add(new Rejection(null, i.name(), "no SOP Instance UID (0008,0018)"));
                continue;
            }
            DicomInstance earlier = bySop.putIfAbsent(i.sopInstanceUid(), i);
            if (earlier != null) {
                rejections.add(new Rejection(null, i.name(), "duplicate SOP Instance UID " + i.sopInstanceUid()
                        + ", also in " + earlier.name() + "; the first one is used"));
                continue;
            }
            if (i.isStructuredReport()) {
                reports.add(i);
            } else if (i.rows() > 0 || i.hasPixelData()) {
                if (!i.hasPixelData()) {
                    rejections.add(new Rejection(null, i.name(), "image without Pixel Data (7FE0,0010)"));
                } else {
                    imagesBySeries.computeIfAbsent(i.seriesUid(), s -> new ArrayList<>()).add(i);
                }
            } else {
                passedOver.merge(PASSED_OVER_NON_IMAGE, 1L, Long::sum);
            }
        }
        List<Measurement> all = new ArrayList<>(measurements);
        for (DicomInstance report : reports) {
            try {
                SrMeasurementReader.Contents c = srReader.read(reader.readAll(report.data()), report.name());
                all.addAll(c.measurements());
                c.errors().forEach(e -> rejections.add(new Rejection(null, report.name(), e)));
            } catch (InvalidDicomException e) {
                rejections.add(new Rejection(null, report.name(), e.getMessage()));
            }
        }
        Map<String, CtSeriesAssembler.Result> assembled = new HashMap<>();
        Map<String, List<LesionCandidate>> candidates = new LinkedHashMap<>();
        Map<String, Integer> numbersUsed = new HashMap<>();
        for (Measurement m : all) {
            int number = m.number() != null ? m.number() : numbersUsed.getOrDefault(m.sopInstanceUid(), 0) + 1;
            numbersUsed.merge(m.sopInstanceUid(), number, Math::max);
            String id = m.sopInstanceUid() + "_" + number;
            DicomInstance image = bySop.get(m.sopInstanceUid());
            if (image == null) {
                rejections.add(new Rejection(id, m.origin(), "the measured image " + m.sopInstanceUid() + " is not in the source"));
                continue;
            }
            if (image.isStructuredReport() || !image.hasPixelData()) {
                rejections.add(new Rejection(id, image.name(), "the measured image has no Pixel Data (7FE0,0010)"));
                continue;
            }
            CtSeriesAssembler.Result result = assembled.computeIfAbsent(image.seriesUid(),
                    s -> seriesAssembler.assemble(s, imagesBySeries.get(s)));
            switch (result) {
                case CtSeriesAssembler.Result.Refused r -> rejections.add(new Rejection(id, image.name(), r.reason()));
                case CtSeriesAssembler.Result.Assembled a -> {
                    try {
                        candidates.computeIfAbsent(image.seriesUid(), s -> new ArrayList<>())
                                .add(candidate(id, number, m, image, a.series(), description));
                    } catch (IllegalArgumentException e) {
                        rejections.add(new Rejection(id, m.origin(), e.getMessage()));
                    }
                }
            }
        }
        long unmeasured = imagesBySeries.keySet().stream().filter(s -> !assembled.containsKey(s)).count();
        if (unmeasured > 0) {
            passedOver.merge(PASSED_OVER_UNMEASURED, unmeasured, Long::sum);
        }
        List<SeriesWork> work = new ArrayList<>();
        candidates.forEach((seriesUid, list) -> {
            CtSeries series = ((CtSeriesAssembler.Result.Assembled) assembled.get(seriesUid)).series();
            Map<String, DicomInstance> slices = new HashMap<>();
            series.slices().forEach(s -> slices.put(s.sopInstanceUid(), s));
            List<LesionCandidate> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt((LesionCandidate c) -> series.indexOf(c.keySlice())).thenComparing(LesionCandidate::id));
            work.add(new SeriesWork(seriesUid, sorted, sop -> reader.readSlice(slices.get(sop).data())));
        });
        return new SourceScan(work, rejections, passedOver);
    }

    private static LesionCandidate candidate(String id, int number, Measurement m, DicomInstance image, CtSeries series,
            String description) {
        double sx = image.spacingX(), sy = image.spacingY();
        double longMm = m.longAxisMm() != null ? m.longAxisMm() : m.axisMm(0, sx, sy);
        double shortMm = m.shortAxisMm() != null ? m.shortAxisMm() : m.axisMm(1, sx, sy);
        double[] endpoints = m.endpointsPx();
        int index = series.indexOf(image.sopInstanceUid());
        int offset = NeighbourSlices.offset(series.sliceInterval());
        boolean neighbours = offset > 0 && index - offset >= 0 && index + offset < series.slices().size();
        BoundingBox box = m.boxOrDerived();
        Lesion lesion = Lesion.builder(id)
                .patientId(image.patientId().isEmpty() ? null : image.patientId())
                .studyId(image.studyUid().isEmpty() ? null : image.studyUid())
                .seriesId(image.seriesUid())
                .keySlice(image.instanceNumber() != null && image.instanceNumber() >= 0 ? image.instanceNumber() : index + 1)
                .studyDate(image.studyDate())
                .patientAge(image.patientAge())
                .sex(image.sex())
                .recist(new Recist(longMm, shortMm, endpoints.length == 8 ? endpoints : null))
                .boundingBox(box)
                .spacing(Double.isFinite(series.sliceInterval()) ? new Spacing(sx, sy, series.sliceInterval()) : null)
                .location(m.location())
                .coarseType(m.coarseType() == null ? CoarseType.UNKNOWN : m.coarseType())
                .source(description)
                .build();
        HuWindow window = m.window() != null ? m.window() : image.window() != null ? image.window() : HuWindow.SOFT_TISSUE;
        return new LesionCandidate(lesion, image.name() + " (" + m.origin() + ")", image.sopInstanceUid(),
                neighbours ? series.slices().get(index - offset).sopInstanceUid() : null,
                neighbours ? series.slices().get(index + offset).sopInstanceUid() : null,
                window);
    }
}
