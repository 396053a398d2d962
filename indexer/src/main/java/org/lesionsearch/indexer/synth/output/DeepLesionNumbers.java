package org.lesionsearch.indexer.synth.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.StringJoiner;

/**
 * Numbers the way DeepLesion's {@code DL_info.csv} writes them: six significant digits without
 * trailing zeros ("238.314", "0.859375", "5"), lists joined by ", ".
 */
public final class DeepLesionNumbers {

    private static final MathContext SIX_DIGITS = new MathContext(6);

    private DeepLesionNumbers() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        String text = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    public static String list(double... values) {
        StringJoiner j = new StringJoiner(", ");
        for (double v : values) {
            j.add(format(v));
        }
        return j.toString();
    }
}
