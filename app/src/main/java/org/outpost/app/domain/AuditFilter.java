package org.outpost.app.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit rows an auditor wants to see; every part is optional and the parts are combined (AND). Stores apply
 * it in their query, with the text as parameters, so a quote or a {@code %} in it matches itself.
 *
 * @param username    the exact user name of whoever did it
 * @param patientText words each of which must occur in the patient's MRN, family name or given name (case- and
 *                    accent-insensitive, {@link PatientQuery#fold}); rows about no patient never match it
 * @param action      the action recorded
 * @param from        the first instant included
 * @param until       the first instant no longer included (half-open, so a day ends where the next begins)
 */
public record AuditFilter(Optional<String> username, Optional<String> patientText, Optional<AuditAction> action,
                          Optional<Instant> from, Optional<Instant> until) {
    /** Longest patient text accepted: longer than any name or MRN the store keeps. */
    public static final int MAX_PATIENT_TEXT = 200;
    /** Every row. */
    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Blank texts mean "any".
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code until}, or the patient text is too long
     */
    public AuditFilter {
        username = username.map(String::strip).filter(u -> !u.isEmpty()).map(u -> u.toLowerCase(Locale.ROOT));
        patientText = patientText.map(String::strip).filter(t -> !t.isEmpty());
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (patientText.isPresent() && patientText.get().length() > MAX_PATIENT_TEXT) {
            throw new IllegalArgumentException("The patient filter is longer than " + MAX_PATIENT_TEXT + " characters");
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("The start of the date range is after its end");
        }
    }

    /**
     * A filter over whole days as the clinic counts them: from the start of {@code firstDay} to the end of
     * {@code lastDay} (both included) in {@code zone}, so a row written at 23:30 local time on the last day is in
     * even where that is already the next day in UTC. A null day leaves that end open.
     */
    public static AuditFilter of(String username, String patientText, AuditAction action, LocalDate firstDay,
                                 LocalDate lastDay, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (firstDay != null && lastDay != null && firstDay.isAfter(lastDay)) {
            throw new IllegalArgumentException("The start of the date range is after its end");
        }
        return new AuditFilter(Optional.ofNullable(username), Optional.ofNullable(patientText),
                Optional.ofNullable(action),
                Optional.ofNullable(firstDay).map(d -> d.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(lastDay).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** The patient text split into folded words ({@link PatientQuery#fold}), each of which must match. */
    public List<String> patientWords() {
        List<String> words = new ArrayList<>();
        for (String w : patientText.orElse("").split("[\\s,]+")) {
            if (!w.isBlank()) {
                words.add(PatientQuery.fold(w));
            }
        }
        return words;
    }

    /**
     * The filter in words fit for the audit log itself: user, action and times as given, but a patient filter only
     * as {@code patient=set}, since its text may be a name or an MRN.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        username.ifPresent(u -> sb.append("user=").append(u).append(';'));
        action.ifPresent(a -> sb.append("action=").append(a.name()).append(';'));
        from.ifPresent(f -> sb.append("from=").append(f).append(';'));
        until.ifPresent(u -> sb.append("until=").append(u).append(';'));
        patientText.ifPresent(p -> sb.append("patient=set;"));
        return sb.isEmpty() ? "all" : sb.substring(0, sb.length() - 1);
    }

    @Override
    public String toString() {
        return "AuditFilter[" + describe() + "]"; // the patient text may be a name or an MRN: never in a log
    }
}
