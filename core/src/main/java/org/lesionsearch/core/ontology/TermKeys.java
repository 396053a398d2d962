package org.lesionsearch.core.ontology;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lookup keys for ontology words: lower case, accents and other non-ASCII removed, hyphens,
 * underscores, slashes and runs of spaces made one space, each word folded to its singular.
 * {@link #compact(String)} also drops the spaces, so "gall bladder", "gall-bladder" and
 * "gallbladder" meet.
 */
public final class TermKeys {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_/]+");
    private static final Pattern DROPPED = Pattern.compile("[^a-z0-9 ]+");

    private TermKeys() {
    }

    /** The spaced key of a word or phrase: "Right-Lower  Lobes" gives "right lower lobe". */
    public static String key(String text) {
        String ascii = NON_ASCII.matcher(COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")).replaceAll("");
        String spaced = SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(" ");
        String cleaned = DROPPED.matcher(spaced).replaceAll("").trim();
        if (cleaned.isEmpty()) {
            return "";
        }
        String[] words = cleaned.split(" +");
        StringBuilder key = new StringBuilder(cleaned.length());
        for (String word : words) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(EnglishPlurals.fold(word));
        }
        return key.toString();
    }

    /** The key without spaces: "right lower lobe" gives "rightlowerlobe". */
    public static String compact(String text) {
        return key(text).replace(" ", "");
    }
}
