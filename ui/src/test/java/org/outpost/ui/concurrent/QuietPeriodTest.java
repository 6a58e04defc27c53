package org.outpost.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quiet period decides on its own clock (a fake one here); the timer thread only wakes it to look. */
class QuietPeriodTest {
    static final long MS = 1_000_000;
    final ScheduledExecutorService timer = NamedThreads.timer("quiet-period-test");
    final AtomicLong now = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch called = new CountDownLatch(1);
    // the "FX thread" is the timer thread itself: the check and the callback run in order there
    final QuietPeriod quiet = new QuietPeriod(timer, Runnable::run, Duration.ofMillis(20), () -> {
        calls.incrementAndGet();
        called.countDown();
    }, now::get);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void inputPostponesTheCallbackUntilAWholePeriodPassesWithoutIt() throws Exception {
        timer.submit(() -> {
            quiet.arm();          // at 0
            now.set(10 * MS);
            quiet.input();        // at 10 ms: quiet only from here
            now.set(25 * MS);     // 15 ms of quiet: not yet
        }).get();
        Thread.sleep(150);        // the timer has looked (several times) and found too little quiet
        assertThat(calls).hasValue(0);
        assertThat(quiet.isArmed()).isTrue();
        now.set(31 * MS);         // 21 ms of quiet
        assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(quiet.isArmed()).isFalse();
        now.set(500 * MS);
        Thread.sleep(60);
        assertThat(calls).as("once per arming").hasValue(1);
    }

    @Test
    void disarmedItNeverCallsBack() throws Exception {
        timer.submit(() -> {
            quiet.arm();
            quiet.disarm();
            now.set(1000 * MS);
        }).get();
        Thread.sleep(100);
        assertThat(calls).hasValue(0);
        assertThat(quiet.isArmed()).isFalse();
    }
}
