package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheCap() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), 2.0, Duration.ofMillis(500));
        assertThat(p.delayBefore(1)).isZero();
        assertThat(p.delayBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delayBefore(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delayBefore(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delayBefore(5)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), 2, Duration.ZERO)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Double.NaN, Duration.ZERO)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO)).hasMessageContaining("multiplier");
    }

    @Property
    void delaysNeverShrinkAndNeverExceedTheCap(@ForAll @IntRange(min = 1, max = 60) int attempt,
            @ForAll @IntRange(min = 0, max = 10_000) int initialMs, @ForAll @IntRange(min = 0, max = 60_000) int capMs) {
        RetryPolicy p = new RetryPolicy(100, Duration.ofMillis(initialMs), 2.0, Duration.ofMillis(capMs));
        assertThat(p.delayBefore(attempt + 1)).isGreaterThanOrEqualTo(p.delayBefore(attempt));
        assertThat(p.delayBefore(attempt)).isLessThanOrEqualTo(Duration.ofMillis(capMs));
    }
}
