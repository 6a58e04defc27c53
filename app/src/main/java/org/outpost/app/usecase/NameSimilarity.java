package org.outpost.app.usecase;

import org.outpost.app.domain.PatientQuery;

/**
 * Jaro–Winkler similarity of two names (1 = identical, 0 = nothing in common), the measure record
 * linkage has used for names since Winkler, "String Comparator Metrics and Enhanced Decision Rules in
 * the Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA 1990.
 * Names are folded (case, accents) first.
 */
final class NameSimilarity {
    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private NameSimilarity() {
    }

    static double of(String a, String b) {
        String s = PatientQuery.fold(a);
        String t = PatientQuery.fold(b);
        if (s.equals(t)) {
            return 1.0;
        }
        if (s.isEmpty() || t.isEmpty()) {
            return 0.0;
        }
        double jaro = jaro(s, t);
        int prefix = 0;
        while (prefix < Math.min(MAX_PREFIX, Math.min(s.length(), t.length())) && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    private static double jaro(String s, String t) {
        int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
        boolean[] sMatched = new boolean[s.length()];
        boolean[] tMatched = new boolean[t.length()];
        int matches = 0;
        for (int i = 0; i < s.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (sMatched[i]) {
                while (!tMatched[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3.0;
    }
}
