package org.lesionsearch.indexer.synth.annotation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.lesion.Finding;
import org.lesionsearch.indexer.synth.lesion.LesionKind;
import org.lesionsearch.indexer.synth.lesion.Phrase;

/**
 * Writes the report sentence of a bookmarked lesion in the style DeepLesion mined: the finding
 * with its change since the last study, size and appearance, the bookmark with its measurement
 * and image reference, and now and then a neighbouring, uncertain or negated mention of something
 * else, e.g. "Unchanged hypodense lesion in the right hepatic lobe BOOKMARK (2.1 cm x 1.6 cm)
 * (series 2, image 45); no evidence of splenic lesion."
 */
public final class ReportWriter {

    /** How the lesion compares with the previous study. */
    public enum Change {
        FIRST_SEEN, NEW, LARGER, SMALLER, UNCHANGED
    }

    private record Mention(String words, Set<String> labels, Set<LesionKind> avoid) {
        static Mention of(String words, String label, LesionKind... avoid) {
            return new Mention(words, label == null ? Set.of() : Set.of(label), Set.of(avoid));
        }
    }

    private static final List<Mention> NEGATIONS = List.of(
            Mention.of("no evidence of splenic lesion", "spleen", LesionKind.SPLEEN_LESION),
            Mention.of("no suspicious pulmonary nodule", "lung nodule", LesionKind.LUNG_NODULE),
            Mention.of("no new hepatic lesion", "liver", LesionKind.LIVER_LESION),
            Mention.of("no lymphadenopathy", "lymphadenopathy", LesionKind.ABDOMINAL_NODE, LesionKind.MEDIASTINAL_NODE,
                    LesionKind.PELVIC_NODE, LesionKind.SOFT_TISSUE_LESION),
            Mention.of("no pleural effusion", "pleura"),
            Mention.of("no adrenal nodule", "adrenal gland"),
            Mention.of("no evidence of bone lesion", "bone", LesionKind.BONE_LESION),
            Mention.of("no pancreatic mass", "pancreas", LesionKind.PANCREAS_LESION),
            Mention.of("no ascites", null));

    private final LesionOntology ontology;
    private final SplittableRandom rnd;

    public ReportWriter(LesionOntology ontology, SplittableRandom rnd) {
        this.ontology = ontology;
        this.rnd = rnd;
    }

    /**
     * @param longMm measured long axis
     * @param shortMm measured short axis
     */
    public ReportSentence write(Finding finding, Change change, double longMm, double shortMm, int series, int image) {
        Set<String> labels = new LinkedHashSet<>(finding.labels());
        List<String> words = new ArrayList<>();
        switch (change) {
            case NEW -> words.add("new");
            case LARGER -> words.add(pick("increased", "enlarging", "increased"));
            case SMALLER -> words.add(pick("decreased", "decreasing", "smaller"));
            case UNCHANGED -> words.add(pick("unchanged", "stable", "unchanged"));
            case FIRST_SEEN -> {
            }
        }
        boolean large = longMm >= (finding.kind() == LesionKind.LUNG_NODULE ? 30 : 40);
        if (longMm < 5 && rnd.nextDouble() < 0.5) {
            words.add("tiny");
            labels.add("tiny");
        } else if (longMm < 10 && rnd.nextDouble() < 0.5) {
            words.add("subcentimeter");
            labels.add("subcentimeter");
        } else if (large && rnd.nextDouble() < 0.6) {
            words.add(rnd.nextDouble() < 0.8 ? "large" : "bulky");
            labels.add("large");
        } else if (rnd.nextDouble() < 0.35) {
            words.add(cm(longMm));
        }
        for (Phrase attribute : finding.attributes()) {
            words.add(attribute.text());
        }
        String body = finding.location().text()
                .replace("{attrs}", String.join(" ", words))
                .replace("{noun}", finding.noun().text())
                .trim().replaceAll(" +", " ");
        StringBuilder text = new StringBuilder(Character.toUpperCase(body.charAt(0)) + body.substring(1));
        text.append(" BOOKMARK");
        if (rnd.nextDouble() < 0.8) {
            text.append(" (").append(cm(longMm)).append(" x ").append(cm(shortMm)).append(')');
        }
        text.append(String.format(Locale.ROOT, " (series %d, image %d)", series, image));

        Set<String> expanded = ontology.expandParents(labels);
        List<ReportSentence.Distractor> distractors = new ArrayList<>();
        if (rnd.nextDouble() < 0.35) {
            Mention m = neighbour(finding);
            if (m != null && allowed(m, finding, expanded)) {
                text.append(", ").append(m.words());
                add(distractors, m, ReportSentence.Relation.NEIGHBOURING);
            }
        }
        Phrase suspicion = finding.suspicion();
        if (suspicion != null && rnd.nextDouble() < 0.7 && !expanded.contains(suspicion.labels().iterator().next())) {
            String hedge = pick("possibly", "likely", "possibly representing");
            String words2 = hedge + " " + suspicion.text();
            text.append(", ").append(words2);
            for (String label : suspicion.labels()) {
                distractors.add(new ReportSentence.Distractor(label, ReportSentence.Relation.UNCERTAIN, words2));
            }
        }
        if (rnd.nextDouble() < 0.4) {
            Mention m = NEGATIONS.get(rnd.nextInt(NEGATIONS.size()));
            if (allowed(m, finding, expanded)) {
                text.append("; ").append(m.words());
                add(distractors, m, ReportSentence.Relation.NEGATED);
            }
        }
        text.append('.');
        return new ReportSentence(text.toString(), labels, distractors);
    }

    private Mention neighbour(Finding finding) {
        List<Mention> options = switch (finding.kind()) {
            case LUNG_NODULE -> List.of(Mention.of("adjacent to the fissure", "fissure"),
                    Mention.of("adjacent to the pleura", "pleura"));
            case LIVER_LESION -> List.of(Mention.of("adjacent to the gallbladder", "gallbladder"),
                    Mention.of("adjacent to the diaphragm", "diaphragm"));
            case KIDNEY_LESION -> List.of(Mention.of("adjacent to the psoas muscle", "psoas muscle"),
                    Mention.of("adjacent to the adrenal gland", "adrenal gland"));
            case SPLEEN_LESION -> List.of(Mention.of("adjacent to the stomach", "stomach"),
                    Mention.of("adjacent to the diaphragm", "diaphragm"));
            case PANCREAS_LESION -> List.of(Mention.of("adjacent to the stomach", "stomach"),
                    Mention.of("adjacent to the small bowel", "small bowel"));
            case ABDOMINAL_NODE -> List.of(Mention.of("adjacent to the aorta", "aorta"),
                    Mention.of("adjacent to the small bowel", "small bowel"));
            case MEDIASTINAL_NODE, MEDIASTINAL_MASS -> List.of(Mention.of("adjacent to the aorta", "aorta"),
                    Mention.of("adjacent to the trachea", "trachea"), Mention.of("adjacent to the pericardium", "pericardium"));
            case PELVIC_NODE, PELVIC_MASS -> List.of(Mention.of("adjacent to the urinary bladder", "urinary bladder"),
                    Mention.of("adjacent to the psoas muscle", "psoas muscle"));
            case SOFT_TISSUE_LESION -> finding.location().labels().contains("anterior abdominal wall")
                    ? List.of(Mention.of("adjacent to the small bowel", "small bowel"))
                    : finding.host() == Organ.PSOAS || finding.host() == Organ.PARASPINAL_MUSCLE
                    || !finding.location().labels().contains("chest wall") && finding.host() != Organ.AXILLARY_FAT
                    ? List.of(Mention.of("adjacent to the kidney", "kidney"))
                    : List.of(Mention.of("adjacent to the rib", "rib"));
            case BONE_LESION -> List.of(Mention.of("adjacent to the aorta", "aorta"),
                    Mention.of("adjacent to the psoas muscle", "psoas muscle"));
        };
        return options.get(rnd.nextInt(options.size()));
    }

    /** A mention must not name the lesion itself or one of its parts, and must not contradict it. */
    private boolean allowed(Mention m, Finding finding, Set<String> expanded) {
        if (m.avoid().contains(finding.kind())) {
            return false;
        }
        for (String label : m.labels()) {
            if (expanded.contains(label) || ontology.descendants(label).stream().anyMatch(expanded::contains)) {
                return false;
            }
            if (label.equals("calcified") && expanded.contains("calcified")) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<ReportSentence.Distractor> out, Mention m, ReportSentence.Relation relation) {
        for (String label : m.labels()) {
            out.add(new ReportSentence.Distractor(label, relation, m.words()));
        }
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String cm(double mm) {
        return String.format(Locale.ROOT, "%.1f cm", mm / 10);
    }
}
