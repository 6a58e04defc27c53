package org.outpost.app.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user typed into the patient search box, split into what it can mean: name prefixes, an MRN
 * prefix, a birth date. "smi jo" finds Smith, John; "1984-03-07" or "07/03/1984" finds everyone born
 * that day; "MRN-0042" finds by record number. Tokens are matched together (AND).
 *
 * @param nameTokens lower-cased, accent-free prefixes each of which must start some word of the family or
 *                   given name
 * @param mrnPrefix  set when the text looks like an MRN (contains a digit, no date)
 * @param birthDate  set when a token is a date
 */
public record PatientQuery(List<String> nameTokens, Optional<String> mrnPrefix, Optional<LocalDate> birthDate) {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

    public PatientQuery {
        nameTokens = List.copyOf(nameTokens);
    }

    public boolean isEmpty() {
        return nameTokens.isEmpty() && mrnPrefix.isEmpty() && birthDate.isEmpty();
    }

    /** Parses search text; day-first dates (dd/mm/yyyy) as most clinics outside the US write them. */
    public static PatientQuery parse(String text) {
        List<String> names = new ArrayList<>();
        Optional<String> mrn = Optional.empty();
        Optional<LocalDate> dob = Optional.empty();
        for (String token : (text == null ? "" : text).strip().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Optional<LocalDate> date = date(token);
            if (date.isPresent()) {
                dob = date;
            } else if (token.chars().anyMatch(Character::isDigit)) {
                mrn = Optional.of(token.toUpperCase(Locale.ROOT));
            } else {
                names.add(fold(token));
            }
        }
        return new PatientQuery(names, mrn, dob);
    }

    /** Lower case without accents, so "José" and "jose" match. Stores fold names the same way. */
    public static String fold(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT);
    }

    private static Optional<LocalDate> date(String token) {
        try {
            Matcher iso = ISO.matcher(token);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher dmy = DMY.matcher(token);
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
