package org.lesionsearch.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lesionsearch.core.index.SortOrder;

/** The spelling rules the parser and the printer share: words, quoting, numbers, sort names. */
final class QuerySyntax {

    static final List<String> KEYWORDS = List.of("and", "or", "not");

    /** Fields that apply to the whole query rather than filter lesions. */
    static final List<String> OPTION_FIELDS = List.of("similar", "k", "sort");

    static final List<String> FILTER_FIELDS = List.of("label", "part", "type", "attr", "coarse", "patient", "study",
            "size", "age", "sex", "x", "y", "z");

    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.'/-]*");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[^ \\t\\r\\n\\f,()\"]+");

    private static final Map<String, SortOrder> SORT_ALIASES = Map.of(
            "largest", SortOrder.SIZE_DESC, "smallest", SortOrder.SIZE_ASC,
            "newest", SortOrder.DATE_DESC, "oldest", SortOrder.DATE_ASC);

    private QuerySyntax() {
    }

    static List<String> allFields() {
        return java.util.stream.Stream.concat(FILTER_FIELDS.stream(), OPTION_FIELDS.stream()).toList();
    }

    /** Whether a free word can be written without quotes. */
    static boolean isPlainWord(String word) {
        return PLAIN_WORD.matcher(word).matches() && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether a field value can be written without quotes. */
    static boolean isPlainValue(String value) {
        return PLAIN_VALUE.matcher(value).matches();
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The content of a quoted token, escapes undone. */
    static String unquote(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '\\' && i + 1 < token.length() - 1) {
                c = token.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String value(String text) {
        return isPlainValue(text) ? text : quote(text);
    }

    /** Shortest plain decimal that reads back as the same double. */
    static String number(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static String sortName(SortOrder sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    static Optional<SortOrder> sortOrder(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('-', '_');
        for (SortOrder s : SortOrder.values()) {
            if (sortName(s).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(SORT_ALIASES.get(t));
    }

    static List<String> sortNames() {
        return java.util.Arrays.stream(SortOrder.values()).map(QuerySyntax::sortName).toList();
    }
}
