package org.lesionsearch.models.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises report text before tokenisation: lower case, accents folded and other non-ASCII
 * characters removed, and a prefix written apart joined to its word, so "para-aortic",
 * "para aortic" and "paraaortic" all read "paraaortic".
 */
public final class ReportTextNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]+");
    private static final Pattern DETACHED_PREFIX = Pattern.compile(
            "\\b(para|peri|retro|intra|inter|supra|infra|sub|juxta|extra|trans|pre|post|non|hypo|hyper)"
                    + "(?:-|\\s+-?\\s*)(?!(?:and|or|to|of|the|in|with|a|an)\\b)(?=[a-z])");

    private final boolean joinPrefixes;

    public ReportTextNormalizer() {
        this(true);
    }

    /** @param joinPrefixes whether to join detached prefixes; off, only case and characters change */
    public ReportTextNormalizer(boolean joinPrefixes) {
        this.joinPrefixes = joinPrefixes;
    }

    public String normalize(String text) {
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String lower = NON_ASCII.matcher(folded).replaceAll(" ").toLowerCase(Locale.ROOT);
        return joinPrefixes ? DETACHED_PREFIX.matcher(lower).replaceAll("$1") : lower;
    }
}
