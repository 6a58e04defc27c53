package org.outpost.app.interactions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How drug names are compared: lower case, apostrophes dropped, every other run of non-letters and non-digits one
 * space. "St. John's Wort 300 mg" reads {@code st johns wort 300 mg}; "5-FU" reads {@code 5 fu}. A name is found
 * in a text only as whole words, so {@code omeprazole} is not found in {@code esomeprazole}.
 */
final class DrugText {
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DrugText() {
    }

    static String normalise(String text) {
        String s = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }

    /** Every run of 1 to {@code maxWords} consecutive words of {@code text}, normalised. */
    static Set<String> phrases(String text, int maxWords) {
        String n = normalise(text);
        Set<String> out = new LinkedHashSet<>();
        if (n.isEmpty()) {
            return out;
        }
        List<String> words = List.of(n.split(" "));
        for (int i = 0; i < words.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + maxWords); j++) {
                if (j > i) {
                    phrase.append(' ');
                }
                phrase.append(words.get(j));
                out.add(phrase.toString());
            }
        }
        return out;
    }

    /** The number of words of a normalised name. */
    static int wordCount(String normalised) {
        return normalised.isEmpty() ? 0 : normalised.split(" ").length;
    }
}
