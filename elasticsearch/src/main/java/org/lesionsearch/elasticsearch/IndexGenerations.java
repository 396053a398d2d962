package org.lesionsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concrete indices behind one alias. Lesions live in generations named
 * {@code <name>-<timestamp>}, created from the index template; the alias {@code <name>} points at
 * the one in use. A re-index fills a new generation while the old one keeps serving, then one
 * atomic alias update swaps them, and the old generation is deleted.
 */
final class IndexGenerations {

    private static final Logger LOG = LoggerFactory.getLogger(IndexGenerations.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final ElasticsearchOptions options;
    private final Clock clock;

    IndexGenerations(ElasticsearchClient client, ObjectMapper json, ElasticsearchOptions options, Clock clock) {
        this.client = client;
        this.json = json;
        this.options = options;
        this.clock = clock;
    }

    String alias() {
        return options.name();
    }

    /** Creates or updates the template that every new generation takes its mapping and settings from. */
    void putTemplate() throws IOException {
        String body = json.writeValueAsString(LesionMapping.template(json, options));
        client.indices().putIndexTemplate(t -> t.name(LesionMapping.templateName(alias())).withJson(new StringReader(body)));
    }

    /** The generations the alias points at; empty when there is no alias yet. */
    List<String> current() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
            if (client.indices().exists(e -> e.index(alias())).value()) {
                throw new IllegalStateException("Elasticsearch holds an index named '" + alias() + "' that is not an alias;"
                        + " Lesion Search keeps its lesions in indices behind an alias of that name: choose another name"
                        + " or move that index away");
            }
            return List.of();
        }
        return new ArrayList<>(client.indices().getAlias(a -> a.name(alias())).result().keySet());
    }

    /**
     * Creates a new, empty generation.
     *
     * @param aliased whether the alias points at it at once (the first generation) or only after {@link #swap}
     */
    String create(boolean aliased) throws IOException {
        String index = alias() + "-" + STAMP.format(clock.instant());
        client.indices().create(c -> {
            c.index(index);
            if (aliased) {
                c.aliases(alias(), a -> a.isWriteIndex(true));
            }
            return c;
        });
        LOG.info("Created Elasticsearch index {}{}", index, aliased ? " behind the alias " + alias() : "");
        return index;
    }

    /** Points the alias at {@code next} instead of {@code previous}, in one atomic update. */
    void swap(String next, List<String> previous) throws IOException {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(next).alias(alias()).isWriteIndex(true))));
        for (String old : previous) {
            if (!old.equals(next)) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias()))));
            }
        }
        client.indices().updateAliases(u -> u.actions(actions));
        LOG.info("The alias {} now points at {} (was {})", alias(), next, previous.isEmpty() ? "nothing" : previous);
    }

    void delete(List<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            client.indices().delete(d -> d.index(indices));
            LOG.info("Deleted Elasticsearch indices {}", indices);
        }
    }

    /** Every generation of this name, behind the alias or not (e.g. left by an interrupted re-index). */
    List<String> all() throws IOException {
        return new ArrayList<>(client.indices().get(g -> g.index(alias() + "-*").allowNoIndices(true)
                .expandWildcards(co.elastic.clients.elasticsearch._types.ExpandWildcard.Open,
                        co.elastic.clients.elasticsearch._types.ExpandWildcard.Closed)).result().keySet())
                .stream().filter(this::isGeneration).toList();
    }

    /** {@code <name>-<timestamp>} exactly, not another name that merely starts with {@code <name>-}. */
    private boolean isGeneration(String index) {
        return index.startsWith(alias() + "-") && index.substring(alias().length() + 1).matches("\\d{8}-\\d{9}");
    }
}
