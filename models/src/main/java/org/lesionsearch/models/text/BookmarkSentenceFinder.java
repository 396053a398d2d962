package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences of a report that refer to bookmarked lesions: those with a hyperlink token,
 * a lesion size in parentheses or an image reference, after splitting the report into sentences
 * (with missing periods restored).
 */
public final class BookmarkSentenceFinder {

    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final String UNIT = "(?:cm|mm)";
    static final Pattern HYPERLINK = Pattern.compile("\\bBOOKMARK\\d*\\b");
    static final Pattern OTHER_HYPERLINK = Pattern.compile("\\b(?:OTHER_BMK|OTHER_BOOKMARK|BMK)\\d*\\b");
    static final Pattern SIZE = Pattern.compile("\\((?=[^)]*\\d\\s*" + UNIT + "\\b)\\s*" + NUMBER + "\\s*" + UNIT
            + "?(?:\\s*[x\u00D7X*]\\s*" + NUMBER + "\\s*" + UNIT + "?){0,2}\\s*\\)");
    static final Pattern IMAGE_REFERENCE = Pattern.compile(
            "\\(\\s*(?:series|se|ser)\\.?\\s*\\d+\\s*[,;/]?\\s*(?:image|im|img)\\.?\\s*\\d+\\s*\\)"
                    + "|\\(\\s*(?:image|im|img)\\.?\\s*\\d+\\s*(?:of|[,;/])?\\s*(?:series|se|ser)\\.?\\s*\\d+\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** What may separate parts of one reference ("BOOKMARK (1.0 cm x 0.9 cm) (series 4, image 136)"). */
    private static final Pattern JOINER = Pattern.compile("[\\s,;]*");

    private final SentenceSplitter splitter;

    public BookmarkSentenceFinder(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    public BookmarkSentenceFinder() {
        this(new SentenceSplitter());
    }

    /** The sentences of a report that refer to a bookmarked lesion, in report order. */
    public List<BookmarkSentence> find(String report) {
        List<BookmarkSentence> found = new ArrayList<>();
        for (Sentence sentence : splitter.split(report)) {
            List<BookmarkReference> references = references(sentence.text());
            if (!references.isEmpty()) {
                found.add(new BookmarkSentence(sentence, references));
            }
        }
        return found;
    }

    /** The bookmark references in one piece of text, in order. */
    public List<BookmarkReference> references(String text) {
        record Part(int start, int end, BookmarkReference.Kind kind) {
        }
        List<Part> parts = new ArrayList<>();
        collect(HYPERLINK, BookmarkReference.Kind.HYPERLINK, text, parts, Part::new);
        collect(OTHER_HYPERLINK, BookmarkReference.Kind.OTHER_HYPERLINK, text, parts, Part::new);
        collect(SIZE, BookmarkReference.Kind.SIZE, text, parts, Part::new);
        collect(IMAGE_REFERENCE, BookmarkReference.Kind.IMAGE_REFERENCE, text, parts, Part::new);
        parts.sort(Comparator.comparingInt(Part::start));

        List<BookmarkReference> references = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            Part first = parts.get(i);
            int end = first.end();
            List<BookmarkReference.Kind> kinds = new ArrayList<>(List.of(first.kind()));
            int j = i + 1;
            while (j < parts.size() && parts.get(j).start() >= end
                    && JOINER.matcher(text.substring(end, parts.get(j).start())).matches()
                    && !(isLink(parts.get(j).kind()) && kinds.stream().anyMatch(BookmarkSentenceFinder::isLink))) {
                kinds.add(parts.get(j).kind());
                end = parts.get(j).end();
                j++;
            }
            references.add(new BookmarkReference(first.start(), end, kinds,
                    !kinds.contains(BookmarkReference.Kind.OTHER_HYPERLINK)));
            i = j;
        }
        return references;
    }

    private static boolean isLink(BookmarkReference.Kind kind) {
        return kind == BookmarkReference.Kind.HYPERLINK || kind == BookmarkReference.Kind.OTHER_HYPERLINK;
    }

    private interface PartFactory<P> {
        P create(int start, int end, BookmarkReference.Kind kind);
    }

    private static <P> void collect(Pattern pattern, BookmarkReference.Kind kind, String text, List<P> parts,
                                    PartFactory<P> factory) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            parts.add(factory.create(matcher.start(), matcher.end(), kind));
        }
    }
}
