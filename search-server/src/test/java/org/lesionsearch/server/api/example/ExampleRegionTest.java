package org.lesionsearch.server.api.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Locale;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.lesionsearch.server.api.error.ApiException;

class ExampleRegionTest {

    private static String points(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", x1, y1, x2, y2);
    }

    @Property(tries = 300)
    void aBoxIsTheSameWhicheverCornersAreGivenFirst(@ForAll @DoubleRange(min = 0, max = 512) double x1,
            @ForAll @DoubleRange(min = 0, max = 512) double y1, @ForAll @DoubleRange(min = 0, max = 512) double x2,
            @ForAll @DoubleRange(min = 0, max = 512) double y2) {
        Assume.that(Math.abs(x2 - x1) >= 2 && Math.abs(y2 - y1) >= 2);
        ExampleRegion a = ExampleRegion.parse(points(x1, y1, x2, y2), null, 512, 512);
        ExampleRegion b = ExampleRegion.parse(points(x2, y2, x1, y1), null, 512, 512);
        assertThat(a).isEqualTo(b);
        assertThat(a.centerX()).isCloseTo((x1 + x2) / 2, offset(1e-9));
        assertThat(a.centerY()).isCloseTo((y1 + y2) / 2, offset(1e-9));
        assertThat(a.longAxisPx()).isCloseTo(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)), offset(1e-9));
    }

    @Property(tries = 300)
    void aLineIsCentredOnItsMiddleAndItsBoxHoldsBothEnds(@ForAll @DoubleRange(min = 0, max = 512) double x1,
            @ForAll @DoubleRange(min = 0, max = 512) double y1, @ForAll @DoubleRange(min = 0, max = 512) double x2,
            @ForAll @DoubleRange(min = 0, max = 512) double y2) {
        Assume.that(Math.hypot(x2 - x1, y2 - y1) >= 2);
        ExampleRegion r = ExampleRegion.parse(null, points(x1, y1, x2, y2), 512, 512);
        assertThat(r.centerX()).isCloseTo((x1 + x2) / 2, offset(1e-9));
        assertThat(r.centerY()).isCloseTo((y1 + y2) / 2, offset(1e-9));
        assertThat(r.longAxisPx()).isCloseTo(Math.hypot(x2 - x1, y2 - y1), offset(1e-9));
        for (double[] p : new double[][] {{x1, y1}, {x2, y2}}) {
            assertThat(p[0]).isBetween(r.box().x1() - 1e-9, r.box().x2() + 1e-9);
            assertThat(p[1]).isBetween(r.box().y1() - 1e-9, r.box().y2() + 1e-9);
        }
    }

    @Property(tries = 500)
    void anyTextIsEitherARegionOrAnErrorNamingTheField(@ForAll String text) {
        try {
            ExampleRegion.parse(text, null, 512, 512);
        } catch (ApiException e) {
            assertThat(e.field()).isEqualTo("box");
            assertThat(e.status()).isIn(400, 422);
        }
    }

    @Test
    void pointsOutsideTheSliceAndBothShapesAreRefused() {
        assertThatThrownBy(() -> ExampleRegion.parse("10,10,520,40", null, 512, 512)).isInstanceOf(ApiException.class)
                .hasMessageContaining("(520.0, 40.0) lies outside the 512x512 slice");
        assertThatThrownBy(() -> ExampleRegion.parse("-1,10,20,40", null, 512, 512)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ExampleRegion.parse("1,1,9,9", "1,1,9,9", 512, 512)).isInstanceOf(ApiException.class)
                .hasMessageContaining("either");
        assertThatThrownBy(() -> ExampleRegion.parse(null, null, 512, 512)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ExampleRegion.parse("1,1,NaN,9", null, 512, 512)).isInstanceOf(ApiException.class)
                .hasMessageContaining("finite");
    }
}
