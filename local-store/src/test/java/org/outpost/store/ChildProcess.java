package org.outpost.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.outpost.app.port.Store;

/**
 * A separate JVM doing store work, for tests about several processes and crashes. {@code create} prints
 * one line: {@code CREATED}, or {@code REFUSED <exception type>: <message>}; {@code write} prints
 * {@code COMMITTED n} after each committed transaction until it is killed.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** {@code create DIR USER}: creates a database (low-cost key slots) and closes it. */
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        try {
            if (args[0].equals("write")) {
                writeUntilKilled(dir, Integer.parseInt(args[2]));
            } else if (args[0].equals("monitor")) {
                importUntilKilled(dir, java.util.UUID.fromString(args[2]), Integer.parseInt(args[3]));
            } else if (args[0].equals("create")) {
                try (Store s = TestVaults.fast(dir, Clock.systemUTC()).create(args[2], "Admin", Fixtures.pw()).store()) {
                    System.out.println("CREATED");
                }
            }
        } catch (RuntimeException e) {
            System.out.println("REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.flush();
    }

    /**
     * {@code write DIR FROM}: one transaction after another, each a patient, three vitals and an audit row
     * (numbered from FROM), printing {@code COMMITTED n} once {@code write} has returned.
     */
    private static void writeUntilKilled(Path dir, int from) {
        try (Store s = TestVaults.fast(dir, Clock.systemUTC()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            System.out.println("OPEN");
            System.out.flush();
            for (int i = from; ; i++) {
                int n = i;
                org.outpost.app.domain.Patient p = Fixtures.patient("K-" + n, "Crash" + n, "Kim", java.time.LocalDate.of(1960, 1, 1));
                s.write(r -> {
                    r.patients().insert(p);
                    for (int k = 0; k < 3; k++) {
                        r.observations().insert(new org.outpost.app.domain.Observation(java.util.UUID.randomUUID(), p.id(),
                                org.outpost.app.domain.Measure.HEART_RATE,
                                org.outpost.app.domain.Quantity.of(60 + k, org.outpost.app.domain.Unit.PER_MIN),
                                java.time.Instant.now(), "nurse"));
                    }
                    r.audit().append(new org.outpost.app.domain.AuditEvent(java.time.Instant.now(), Fixtures.ADMIN,
                            org.outpost.app.domain.AuditAction.PATIENT_CREATED, java.util.Optional.of(p.id()), ""));
                    return null;
                });
                System.out.println("COMMITTED " + n);
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * {@code monitor DIR PATIENT FROM}: imports day after day of per-second heart rate (86,400 readings, one
     * transaction a day, days numbered from FROM after 2026-01-01 UTC), printing {@code COMMITTED n} after each.
     */
    private static void importUntilKilled(Path dir, java.util.UUID patient, int from) {
        try (Store s = TestVaults.fast(dir, Clock.systemUTC()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            System.out.println("OPEN");
            System.out.flush();
            java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
            for (int day = from; ; day++) {
                List<org.outpost.app.monitoring.Reading> readings = new ArrayList<>(86_400);
                for (int sec = 0; sec < 86_400; sec++) {
                    readings.add(new org.outpost.app.monitoring.Reading(start.plusSeconds(86_400L * day + sec),
                            60 + (sec % 40)));
                }
                s.write(r -> r.monitoring().add(new org.outpost.app.domain.PatientId(patient),
                        org.outpost.app.monitoring.Measure.HEART_RATE, readings));
                System.out.println("COMMITTED " + day);
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Starts {@code args} in a child JVM with this test class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                ChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The child's output once it has ended. */
    static String outcome(Process p) throws IOException, InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
