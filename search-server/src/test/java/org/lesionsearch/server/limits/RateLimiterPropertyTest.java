package org.lesionsearch.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The token bucket: never more than the burst plus the rate over time, and a refused request waits just long enough. */
class RateLimiterPropertyTest {

    @Property(tries = 300)
    void nothingPassesBeyondBurstPlusRate(@ForAll @DoubleRange(min = 0.5, max = 500) double rate,
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 50_000) Integer> gapsMicros) {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(now::get);
        long start = now.get();
        int allowed = 0;
        for (int gap : gapsMicros) {
            now.addAndGet(gap * 1000L);
            long wait = limiter.acquire("k", rate);
            if (wait == 0) {
                allowed++;
            } else {
                assertThat(wait).isPositive().isLessThanOrEqualTo((long) Math.ceil(1e9 / rate) + 1);
                // waiting as told is enough
                now.addAndGet(wait);
                assertThat(limiter.acquire("k", rate)).isZero();
                allowed++;
            }
        }
        double elapsed = (now.get() - start) / 1e9;
        assertThat(allowed).isLessThanOrEqualTo((int) Math.floor(Math.max(1, rate * RateLimiter.BURST_SECONDS) + rate * elapsed) + 1);
    }

    @Test
    void keysHaveTheirOwnBucketsAndIdleOnesAreDropped() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(now::get);
        assertThat(limiter.acquire("a", 1)).isZero();
        assertThat(limiter.acquire("a", 1)).isZero();
        assertThat(limiter.acquire("a", 1)).isPositive();
        assertThat(limiter.acquire("b", 1)).isZero();
        for (int i = 0; i <= RateLimiter.MAX_BUCKETS; i++) {
            limiter.acquire("client " + i, 1);
        }
        now.addAndGet(RateLimiter.IDLE_NANOS + 1);
        limiter.acquire("late", 1);
        assertThat(limiter.buckets()).isLessThan(10);
    }
}
