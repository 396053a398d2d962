package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits report text into sentences at sentence-final punctuation and blank lines, and where a
 * period is missing: before a section heading ("... adenopathy Upper abdomen: ...") and where a
 * lower-case word or a closing parenthesis is followed by a capitalised word
 * ("... unremarkable Decreased lymphadenopathy ...").
 */
public final class SentenceSplitter {

    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?]+(?=\\s+|$)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
    private static final Pattern HEADING = Pattern.compile(
            "(?<=[a-z0-9)\\]])[ \\t]+(?=[A-Z][A-Za-z/&-]*(?:[ \\t]+[A-Za-z/&-]+){0,3}(?:,[ \\t]*[A-Za-z/&-]+(?:[ \\t]+[A-Za-z/&-]+){0,3}){0,3}:)");
    private static final Pattern CAPITALISED_AFTER_WORD = Pattern.compile(
            "(?<=\\b([a-z]{2,})|\\))[ \\t]+(?=[A-Z][a-z]+\\b)");
    /** Words after which a capitalised word continues the sentence (names, eponyms). */
    private static final Set<String> CONTINUING = Set.of("of", "the", "a", "an", "in", "with", "and", "or", "to",
            "by", "for", "per", "see", "from", "on", "at", "dr", "mr", "ms", "mrs");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "approx", "vs", "dr", "mr", "ms", "mrs",
            "fig", "no", "st", "cf", "al", "etc", "ca", "sp");

    public List<Sentence> split(String text) {
        TreeSet<Integer> breaks = new TreeSet<>();
        Matcher punctuation = FINAL_PUNCTUATION.matcher(text);
        while (punctuation.find()) {
            if (!abbreviationBefore(text, punctuation.start())) {
                breaks.add(punctuation.end());
            }
        }
        Matcher blank = BLANK_LINE.matcher(text);
        while (blank.find()) {
            breaks.add(blank.start());
        }
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            breaks.add(heading.start());
        }
        Matcher capitalised = CAPITALISED_AFTER_WORD.matcher(text);
        while (capitalised.find()) {
            String previous = capitalised.group(1);
            if (previous == null || !CONTINUING.contains(previous)) {
                breaks.add(capitalised.start());
            }
        }
        breaks.add(text.length());
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        for (int end : breaks) {
            addTrimmed(text, start, end, sentences);
            start = end;
        }
        return sentences;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0))
                && dot + 2 < text.length() && Character.isLowerCase(text.charAt(dot + 2)));
    }

    private static void addTrimmed(String text, int start, int end, List<Sentence> sentences) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(text.substring(start, end), start, end));
        }
    }
}
