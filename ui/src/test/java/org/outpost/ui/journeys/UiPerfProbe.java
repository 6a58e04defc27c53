package org.outpost.ui.journeys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import org.outpost.ui.testing.Desktop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures one step of the user's work on a real scene: the FX thread's and the renderer's CPU time, the time spent
 * in CSS and layout (between the pre- and post-layout pulse listeners), and the wall time until the first pulse after
 * which a condition holds (the step is drawn at that pulse's render).
 */
final class UiPerfProbe {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long fx;
    private final long renderer;
    private final AtomicLong cssLayoutNanos = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong lastPulse = new AtomicLong(System.nanoTime());
    private final AtomicLong drawnAt = new AtomicLong(-1);
    private long preAt;
    private Callable<Boolean> watch;

    /** One step's numbers (milliseconds), and when it ran. */
    record Step(String name, double wallToDrawn, double fxCpu, double rendererCpu, double cssLayout, long pulses,
                java.time.Instant from, java.time.Instant to) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%-28s drawn after %7.1f ms | FX cpu %7.1f ms | render cpu %6.1f ms | css+layout %6.1f ms | %d pulses",
                    name, wallToDrawn, fxCpu, rendererCpu, cssLayout, pulses);
        }
    }

    UiPerfProbe(Scene scene) {
        fx = Desktop.onFx(() -> Thread.currentThread().threadId());
        renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().map(Thread::threadId).orElse(-1L);
        Desktop.onFx(() -> {
            scene.addPreLayoutPulseListener(() -> preAt = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                cssLayoutNanos.addAndGet(now - preAt);
                pulses.incrementAndGet();
                lastPulse.set(now);
                try {
                    if (watch != null && drawnAt.get() < 0 && watch.call()) {
                        drawnAt.set(now);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return null;
        });
    }

    /**
     * Runs {@code action} on the FX thread, then waits until {@code drawn} holds at a pulse and then {@code afterMs}
     * more (for work that follows the first drawing); CPU times cover the whole step.
     */
    Step step(String name, Runnable action, Callable<Boolean> drawn, long afterMs) {
        WaitForAsyncUtils.waitForFxEvents();
        java.time.Instant from = java.time.Instant.now();
        long fx0 = threads.getThreadCpuTime(fx);
        long r0 = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer);
        long css0 = cssLayoutNanos.get();
        long p0 = pulses.get();
        long t0 = System.nanoTime();
        Desktop.onFx(() -> {
            drawnAt.set(-1);
            watch = drawn;
            action.run();
            return null;
        });
        long deadline = t0 + 20_000_000_000L;
        while (System.nanoTime() < deadline && drawnAt.get() < 0) {
            sleep(2);
        }
        if (drawnAt.get() < 0) {
            throw new AssertionError(name + " was not drawn within 20 s");
        }
        // a fixed window after the drawing (a focused field's caret animates: the scene is never quiet)
        sleep(afterMs);
        WaitForAsyncUtils.waitForFxEvents();
        Desktop.onFx(() -> {
            watch = null;
            return null;
        });
        return new Step(name, (drawnAt.get() - t0) / 1e6, (threads.getThreadCpuTime(fx) - fx0) / 1e6,
                renderer < 0 ? 0 : (threads.getThreadCpuTime(renderer) - r0) / 1e6,
                (cssLayoutNanos.get() - css0) / 1e6, pulses.get() - p0, from, java.time.Instant.now());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
