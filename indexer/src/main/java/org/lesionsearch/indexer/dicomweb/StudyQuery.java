package org.lesionsearch.indexer.dicomweb;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A QIDO-RS study search: an inclusive study date range (either end open) and the modalities
 * a study must contain (any of them).
 *
 * @param from first study date, or {@code null} for no lower bound
 * @param to last study date, or {@code null} for no upper bound
 * @param modalities e.g. {@code CT}; empty for every study
 */
public record StudyQuery(LocalDate from, LocalDate to, Set<String> modalities) {

    private static final Pattern MODALITY = Pattern.compile("[A-Z0-9_]{1,16}");

    public StudyQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("study date range " + from + " to " + to + " ends before it starts");
        }
        TreeSet<String> upper = new TreeSet<>();
        for (String m : modalities) {
            String u = m.trim().toUpperCase(Locale.ROOT);
            if (!MODALITY.matcher(u).matches()) {
                throw new IllegalArgumentException("modality '" + m + "' is not a DICOM modality code");
            }
            upper.add(u);
        }
        modalities = Set.copyOf(upper);
    }

    public static StudyQuery ct() {
        return new StudyQuery(null, null, Set.of("CT"));
    }

    public StudyQuery from(LocalDate date) {
        return new StudyQuery(date, to, modalities);
    }

    /** The QIDO-RS parameters for one modality (or none), in a stable order. */
    Map<String, String> parameters(String modality) {
        Map<String, String> params = new LinkedHashMap<>();
        if (from != null || to != null) {
            params.put("StudyDate", format(from) + "-" + format(to));
        }
        if (modality != null) {
            params.put("ModalitiesInStudy", modality);
        }
        return params;
    }

    private static String format(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
