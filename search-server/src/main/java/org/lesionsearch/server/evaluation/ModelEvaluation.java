package org.lesionsearch.server.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.evaluation.LabelScores;
import org.lesionsearch.models.evaluation.LesionSimilarity;
import org.lesionsearch.models.evaluation.NeighbourQuality;
import org.lesionsearch.models.evaluation.RetrievalEvaluation;
import org.lesionsearch.models.evaluation.SliceOrder;
import org.lesionsearch.models.evaluation.ZError;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.training.SliceVolume;
import org.lesionsearch.models.training.TrainingLesion;

/**
 * Scores a model bundle on lesions it did not learn from, through the encoder the indexer uses,
 * so the figures describe what an index gets: retrieval and matching by embedding beside the
 * nearest-location ranking and chance, the labeler's predicted labels and scores, and the
 * body-part regressor's slice order and z.
 */
public final class ModelEvaluation {

    /** Encoded per call, so progress shows and memory stays flat on a large split. */
    private static final int ENCODE_CHUNK = 64;

    private final DjlLesionEncoder encoder;
    private final LabelRelations relations;
    private final int k;
    private final PrintStream progress;

    /** @param k how many neighbours retrieval judges */
    public ModelEvaluation(DjlLesionEncoder encoder, LabelRelations relations, int k, PrintStream progress) {
        this.encoder = encoder;
        this.relations = relations;
        this.k = k;
        this.progress = progress;
    }

    /**
     * @param lesions the split's lesions
     * @param volumes slice runs; those of the split's patients are scored
     */
    public ModelEvaluationReport evaluate(String data, String split, List<TrainingLesion> lesions, List<SliceVolume> volumes) {
        List<Encoding> encodings = encode(lesions);
        Set<String> patients = new HashSet<>();
        Set<String> studies = new HashSet<>();
        lesions.forEach(l -> {
            patients.add(l.patient());
            studies.add(l.patient() + "/" + l.study());
        });

        List<Integer> retrieval = indices(lesions, l -> l.type() != CoarseType.UNKNOWN && l.location() != null
                && l.sizeMm() > 0 && Double.isFinite(l.sizeMm()));
        List<Integer> located = indices(lesions, l -> l.location() != null);
        List<ModelEvaluationReport.Ranking> rankings = rankings(lesions, encodings, retrieval, located);

        List<Integer> labelled = indices(lesions, l -> !l.labels().isEmpty());
        List<ModelEvaluationReport.LabelRow> perLabel = labelRows(lesions, encodings, labelled);
        List<LabelScores.Label> all = perLabel.stream().map(ModelEvaluationReport.LabelRow::scores).toList();
        List<ModelEvaluationReport.LabelGroup> groups = new ArrayList<>();
        for (LabelClass c : LabelClass.values()) {
            groups.add(new ModelEvaluationReport.LabelGroup(ModelEvaluationReport.className(c), c, LabelScores.macro(
                    perLabel.stream().filter(r -> r.labelClass() == c).map(ModelEvaluationReport.LabelRow::scores).toList())));
        }
        groups.add(new ModelEvaluationReport.LabelGroup("all", null, LabelScores.macro(all)));

        List<SliceVolume> splitVolumes = volumes.stream().filter(v -> v.patient() != null && patients.contains(v.patient())).toList();
        SliceOrder.Score order = SliceOrder.accuracy(sliceScores(splitVolumes));
        ZError z = ZError.of(located.stream().mapToDouble(i -> encodings.get(i).z()).toArray(),
                located.stream().mapToDouble(i -> lesions.get(i).location().z()).toArray());

        ModelEvaluationReport.Sizes sizes = new ModelEvaluationReport.Sizes(lesions.size(), patients.size(), studies.size(),
                retrieval.size(), located.size(), labelled.size(), relations.size(),
                (int) all.stream().filter(l -> l.positives() > 0).count(), splitVolumes.size(),
                splitVolumes.stream().mapToInt(v -> v.slices().size()).sum());
        return new ModelEvaluationReport(encoder.model().name() + " " + encoder.model().version(), data, split, sizes, k,
                rankings, groups, LabelScores.micro(all), perLabel, order, z);
    }

    private List<Encoding> encode(List<TrainingLesion> lesions) {
        List<Encoding> out = new ArrayList<>(lesions.size());
        for (int from = 0; from < lesions.size(); from += ENCODE_CHUNK) {
            List<TrainingLesion> chunk = lesions.subList(from, Math.min(lesions.size(), from + ENCODE_CHUNK));
            out.addAll(encoder.encode(chunk.stream().map(TrainingLesion::patches).toList()));
            progress.printf(Locale.ROOT, "\rencoding lesions: %d/%d", out.size(), lesions.size());
        }
        progress.println();
        return out;
    }

    /** Every volume's slice scores, from one pass over all their slices. */
    private List<double[]> sliceScores(List<SliceVolume> volumes) {
        List<float[]> slices = volumes.stream().flatMap(v -> v.slices().stream()).toList();
        double[] all = encoder.sliceScores(slices);
        List<double[]> out = new ArrayList<>(volumes.size());
        int from = 0;
        for (SliceVolume v : volumes) {
            out.add(Arrays.copyOfRange(all, from, from + v.slices().size()));
            from += v.slices().size();
        }
        return out;
    }

    private List<ModelEvaluationReport.Ranking> rankings(List<TrainingLesion> lesions, List<Encoding> encodings,
                                                         List<Integer> retrieval, List<Integer> matching) {
        List<NeighbourQuality.Lesion> judged = retrieval.stream().map(i -> {
            TrainingLesion l = lesions.get(i);
            return new NeighbourQuality.Lesion(l.patient(), l.type().name(), l.location(), l.sizeMm());
        }).toList();
        float[][] retrievalEmbeddings = retrieval.stream().map(i -> encodings.get(i).embedding()).toArray(float[][]::new);
        List<BodyLocation> retrievalLocations = judged.stream().map(NeighbourQuality.Lesion::location).toList();

        List<RetrievalEvaluation.Item> items = matching.stream().map(i -> {
            TrainingLesion l = lesions.get(i);
            return new RetrievalEvaluation.Item(encodings.get(i).embedding(), l.patient(), l.study(),
                    l.type() == CoarseType.UNKNOWN ? null : l.type().name(), l.instance());
        }).toList();
        float[][] matchingEmbeddings = items.stream().map(RetrievalEvaluation.Item::embedding).toArray(float[][]::new);
        List<BodyLocation> matchingLocations = matching.stream().map(i -> lesions.get(i).location()).toList();

        return List.of(
                new ModelEvaluationReport.Ranking("embedding",
                        NeighbourQuality.topK(judged, LesionSimilarity.cosine(retrievalEmbeddings), k),
                        RetrievalEvaluation.matchingAccuracy(items, LesionSimilarity.cosine(matchingEmbeddings))),
                new ModelEvaluationReport.Ranking("nearest location",
                        NeighbourQuality.topK(judged, LesionSimilarity.nearerLocation(retrievalLocations), k),
                        RetrievalEvaluation.matchingAccuracy(items, LesionSimilarity.nearerLocation(matchingLocations))),
                new ModelEvaluationReport.Ranking("random",
                        NeighbourQuality.randomExpectation(judged, k), RetrievalEvaluation.matchingChance(items)));
    }

    private List<ModelEvaluationReport.LabelRow> labelRows(List<TrainingLesion> lesions, List<Encoding> encodings,
                                                           List<Integer> labelled) {
        float[][] scores = labelled.stream().map(i -> encodings.get(i).labelScores()).toArray(float[][]::new);
        List<BitSet> truth = labelled.stream().map(i -> relations.expandParents(relations.indicesOf(lesions.get(i).labels())))
                .toList();
        List<BitSet> predicted = labelled.stream().map(i -> relations.indicesOf(encodings.get(i).labels())).toList();
        List<LabelScores.Label> rows = LabelScores.perLabel(scores, truth, predicted, relations.size());
        LabelVocabulary vocabulary = relations.vocabulary();
        return rows.stream().map(r -> new ModelEvaluationReport.LabelRow(vocabulary.term(r.index()),
                vocabulary.labelClass(r.index()), r)).toList();
    }

    private static List<Integer> indices(List<TrainingLesion> lesions, Predicate<TrainingLesion> keep) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lesions.size(); i++) {
            if (keep.test(lesions.get(i))) {
                out.add(i);
            }
        }
        return out;
    }
}
