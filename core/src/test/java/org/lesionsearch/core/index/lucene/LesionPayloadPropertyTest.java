package org.lesionsearch.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.util.BytesRef;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;

/** Whatever parts a lesion has, its stored payload reads back to an equal record. */
class LesionPayloadPropertyTest {

    @Property(tries = 200)
    void aPayloadReadsBackToTheSameLesion(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1023) int missing,
            @ForAll @StringLength(max = 40) @AlphaChars @NumericChars @Chars({' ', '-', '_', '.', '\u00e9', '\u00fc'}) String text) {
        Lesion.Builder b = new TestLesions(seed).lesion("id-" + seed, "patient " + text, "study-" + text);
        if ((missing & 1) != 0) {
            b.recist(null);
        } else if ((missing & 2) != 0) {
            b.recist(new Recist(Double.MIN_VALUE, 0.0, null));
        }
        if ((missing & 4) != 0) {
            b.boundingBox(null).spacing(null);
        }
        if ((missing & 8) != 0) {
            b.location(null).keySlice(null);
        }
        if ((missing & 16) != 0) {
            b.studyDate(null).patientAge(null).sex(Sex.UNKNOWN);
        }
        if ((missing & 32) != 0) {
            b.labelScores(null);
        }
        if ((missing & 64) != 0) {
            b.labels(Set.of()).reportLabels(Set.of());
        }
        if ((missing & 128) != 0) {
            b.model(null).embedding(null);
        }
        if ((missing & 256) != 0) {
            b.thumbnail(null).source(null).seriesId(null);
        } else {
            b.thumbnail(text).source("\u00e9\u4e2d\ud83d\ude00" + text);
        }
        Lesion lesion = b.build();

        Lesion back = LesionPayload.decode(new BytesRef(LesionPayload.encode(lesion)), lesion.embedding());

        assertThat(back).isEqualTo(lesion);
    }
}
