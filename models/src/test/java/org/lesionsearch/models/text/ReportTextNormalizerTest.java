package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportTextNormalizerTest {

    private final ReportTextNormalizer normalizer = new ReportTextNormalizer();

    @ParameterizedTest
    @CsvSource({
            "Para-aortic lymph node, paraaortic lymph node",
            "para aortic lymph node, paraaortic lymph node",
            "paraaortic lymph node, paraaortic lymph node",
            "Sub capsular lesion, subcapsular lesion",
            "non - enhancing mass, nonenhancing mass",
            "pre and post contrast, pre and postcontrast",
            "hypo and hyperdense, hypo and hyperdense"
    })
    void joinsDetachedPrefixesOnly(String text, String expected) {
        assertThat(normalizer.normalize(text)).isEqualTo(expected);
    }

    @Test
    void lowersCaseAndRemovesNonAscii() {
        assertThat(normalizer.normalize("Hépatic LESION \u2192 1.5\u00a0cm \u00b1")).isEqualTo("hepatic lesion   1.5 cm  ");
    }

    @Test
    void leavesPrefixesAloneWhenTold() {
        assertThat(new ReportTextNormalizer(false).normalize("Para-aortic")).isEqualTo("para-aortic");
    }
}
