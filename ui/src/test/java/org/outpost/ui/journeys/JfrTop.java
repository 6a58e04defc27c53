package org.outpost.ui.journeys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Prints the hottest methods (self and inclusive) of one thread from a JFR recording: the harness's profiler. */
final class JfrTop {
    private JfrTop() {
    }

    /** The samples of {@code thread} taken during one of {@code steps}. */
    static void print(Path file, String thread, List<UiPerfProbe.Step> steps, String title) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> outpost = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getThread("sampledThread") == null
                    || !thread.equals(e.getThread("sampledThread").getJavaName()) || e.getStackTrace() == null
                    || steps.stream().noneMatch(s -> !e.getStartTime().isBefore(s.from())
                            && e.getStartTime().isBefore(s.to()))) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean firstOutpost = true;
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
                if (firstOutpost && n.startsWith("org.outpost")) {
                    outpost.merge(n + ":" + f.getLineNumber(), 1, Integer::sum);
                    firstOutpost = false;
                }
            }
        }
        System.out.println("JFR " + title + ": samples on " + thread + ": " + total);
        top("self", self, total, 30);
        top("inclusive", inclusive, total, 70);
        top("innermost org.outpost frame", outpost, total, 40);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void top(String title, Map<String, Integer> counts, int total, int n) {
        System.out.println("JFR --- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(en -> System.out.printf("JFR %5.1f%% %s%n", 100.0 * en.getValue() / total, en.getKey()));
    }
}
