package org.lesionsearch.server.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The searches a load run sends: the query language as people type it (words, fields, boolean
 * structure, examples), grouped by patient now and then, de-identified for teaching tokens.
 */
final class SearchMix {

    private static final List<String> QUERIES = List.of(
            "liver",
            "hypodense liver lesion",
            "lung nodule size:>10mm",
            "(liver OR kidney) mass -cyst",
            "lymph node size:>=1.5cm NOT necrosis",
            "kidney cyst size:5..30mm",
            "bone lesion age:50..80",
            "part:lung sex:F sort:size_desc");

    private final List<String> examples;

    /** @param examples ids of indexed lesions for {@code similar:} queries */
    SearchMix(List<String> examples) {
        this.examples = List.copyOf(examples);
    }

    /** The path and query of one search. */
    String next(SplittableRandom random, boolean teaching) {
        int pick = random.nextInt(10);
        String q;
        String extra = "";
        if (pick < 6) {
            q = QUERIES.get(random.nextInt(QUERIES.size()));
        } else if (pick < 8 && !examples.isEmpty()) {
            q = "similar:" + examples.get(random.nextInt(examples.size())) + (pick == 7 ? " lung" : "");
        } else if (pick < 9) {
            q = QUERIES.get(random.nextInt(QUERIES.size()));
            extra = "&groupBy=patient";
        } else {
            q = QUERIES.get(random.nextInt(QUERIES.size()));
            extra = "&facets=true";
        }
        return "/api/search?k=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra
                + (teaching ? "&deidentified=true" : "");
    }
}
