package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void readsTheWadoRsAnswerOfOrthanc() {
        ContentType t = ContentType.parse(
                "multipart/related; type=\"application/dicom\"; boundary=1dc6d0ab-3734-4929-b7c8-0c49212dac75");
        assertThat(t.mediaType()).isEqualTo("multipart/related");
        assertThat(t.parameter("type")).contains("application/dicom");
        assertThat(t.parameter("BOUNDARY")).contains("1dc6d0ab-3734-4929-b7c8-0c49212dac75");
    }

    @Test
    void typeAndParameterNamesAreCaseInsensitiveButValuesKeepTheirCase() {
        ContentType t = ContentType.parse("Multipart/Related;Boundary=\"AbC\\\"d\";TYPE=application/dicom");
        assertThat(t.is("multipart/related")).isTrue();
        assertThat(t.parameter("boundary")).contains("AbC\"d");
    }

    @Test
    void rejectsWhatIsNotAMediaType() {
        assertThatThrownBy(() -> ContentType.parse("")).hasMessageContaining("missing");
        assertThatThrownBy(() -> ContentType.parse("dicom")).hasMessageContaining("not a media type");
        assertThatThrownBy(() -> ContentType.parse("a/b/c")).hasMessageContaining("not a media type");
        assertThatThrownBy(() -> ContentType.parse("multipart/related; boundary=\"abc"))
                .hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> ContentType.parse("multipart/related; boundary")).hasMessageContaining("has no value");
        assertThatThrownBy(() -> ContentType.parse("multipart/related; boundary=\"a\"x")).hasMessageContaining("after its quoted value");
    }

    @Property
    void formatThenParseGivesTheSameType(@ForAll("parameters") Map<String, String> params) {
        ContentType t = new ContentType("multipart/related", params);
        assertThat(ContentType.parse(t.format())).isEqualTo(t);
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
        return Arbitraries.maps(names, values).ofMaxSize(4).map(LinkedHashMap::new);
    }
}
