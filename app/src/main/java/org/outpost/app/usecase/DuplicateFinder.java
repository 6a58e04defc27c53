package org.outpost.app.usecase;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.PatientRepository;

/**
 * Finds existing patients who are probably the person being registered: a birth date equal to the new
 * one or one keying error away (day and month swapped, a day, month or year off by one, a decade
 * slip), and names that are alike by Jaro–Winkler, also with given and family name swapped.
 */
public final class DuplicateFinder {
    /** Name likeness above which two records with near birth dates are shown as likely duplicates. */
    public static final double THRESHOLD = 0.85;

    private DuplicateFinder() {
    }

    public static List<DuplicateCandidate> find(PatientRepository patients, String familyName, String givenName,
                                                LocalDate birthDate) {
        return patients.bornOn(birthDateVariants(birthDate)).stream()
                .map(p -> score(p, familyName, givenName, birthDate))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(DuplicateCandidate::score).reversed())
                .toList();
    }

    static Optional<DuplicateCandidate> score(Patient existing, String family, String given, LocalDate birthDate) {
        double straight = (NameSimilarity.of(existing.familyName(), family)
                + NameSimilarity.of(existing.givenName(), given)) / 2;
        double swapped = (NameSimilarity.of(existing.familyName(), given)
                + NameSimilarity.of(existing.givenName(), family)) / 2;
        double names = Math.max(straight, swapped);
        boolean sameDay = existing.birthDate().equals(birthDate);
        double score = sameDay ? names : names * 0.95;
        if (names < THRESHOLD) {
            return Optional.empty();
        }
        String reason;
        if (swapped > straight && swapped >= THRESHOLD) {
            reason = "duplicate.namesSwapped";
        } else if (!sameDay) {
            reason = "duplicate.birthDateTypo";
        } else if (names == 1.0) {
            reason = "duplicate.sameNameAndBirthDate";
        } else {
            reason = "duplicate.similarName";
        }
        return Optional.of(new DuplicateCandidate(PatientSummary.of(existing), score, reason));
    }

    /** The birth date and the dates one common keying error away from it. */
    static Set<LocalDate> birthDateVariants(LocalDate d) {
        Set<LocalDate> days = new LinkedHashSet<>();
        days.add(d);
        days.add(d.plusDays(1));
        days.add(d.minusDays(1));
        days.add(d.plusMonths(1));
        days.add(d.minusMonths(1));
        days.add(d.plusYears(1));
        days.add(d.minusYears(1));
        days.add(d.plusYears(10));
        days.add(d.minusYears(10));
        swappedDayAndMonth(d).ifPresent(days::add);
        return days;
    }

    private static Optional<LocalDate> swappedDayAndMonth(LocalDate d) {
        try {
            return Optional.of(LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
