package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;

/**
 * Ontology terms whose name combines two of their parents, a modifier and a lesion head:
 * "lung nodule" (lung + nodule), "liver mass", "spiculated mass", "mediastinum lymph node". When a
 * sentence mentions both parts ("small nodule, right lower lobe, lung"), the combined term holds
 * too. Heads are lesion types, and lymph nodes, which DeepLesion treats as a lesion category of
 * their own; a body part of a body part ("thoracic spine") is not inferred from its words apart.
 */
public final class CompositeTerms {

    /** Body parts that are lesions in their own right. */
    private static final Set<String> LESION_BODY_PARTS = Set.of("lymph node");

    /** A combined term and the labels it combines. */
    public record Composite(String label, String modifier, String head) {
    }

    private final List<Composite> composites;

    public CompositeTerms(LesionOntology ontology) {
        List<Composite> found = new ArrayList<>();
        for (OntologyTerm term : ontology.terms()) {
            split(term, ontology).ifPresent(found::add);
        }
        this.composites = List.copyOf(found);
    }

    private static Optional<Composite> split(OntologyTerm term, LesionOntology ontology) {
        String[] words = term.name().split(" ");
        Set<String> ancestors = ontology.ancestors(term);
        for (int cut = 1; cut < words.length; cut++) {
            Optional<OntologyTerm> modifier = ontology.resolve(String.join(" ", List.of(words).subList(0, cut)));
            Optional<OntologyTerm> head = ontology.resolve(String.join(" ", List.of(words).subList(cut, words.length)));
            if (modifier.isPresent() && head.isPresent() && ancestors.contains(modifier.get().name())
                    && ancestors.contains(head.get().name()) && isLesionHead(head.get())) {
                return Optional.of(new Composite(term.name(), modifier.get().name(), head.get().name()));
            }
        }
        return Optional.empty();
    }

    private static boolean isLesionHead(OntologyTerm head) {
        return head.labelClass() == LabelClass.TYPE || LESION_BODY_PARTS.contains(head.name());
    }

    public List<Composite> all() {
        return composites;
    }
}
