package org.outpost.app.medicines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the medicines a piece of chart text names, word by word. A word is a run of letters or a run of digits,
 * lower-cased: "Clopidogrel 75mg tablet" is {@code clopidogrel 75 mg tablet}, "5-FU" is {@code 5 fu}. A name
 * matches where its words appear in the text as consecutive whole words, so "plavix" matches "PLAVIX 75 mg" but
 * not "plavixx", and the longest name starting at a word wins. Immutable.
 */
final class NameIndex {
    private static final Pattern WORD = Pattern.compile("\\p{L}+|\\p{N}+");

    /** A name as its words, and the medicine it names. */
    private record Phrase(List<String> words, DrugEntry drug) { }

    /** Phrases by their first word, longest first. */
    private final Map<String, List<Phrase>> byFirstWord;

    /** @param names each name's words (as {@link #words} gives them) and the medicine it names; no name twice */
    NameIndex(Map<List<String>, DrugEntry> names) {
        Map<String, List<Phrase>> index = new HashMap<>();
        names.forEach((words, drug) -> {
            if (!words.isEmpty()) {
                index.computeIfAbsent(words.getFirst(), k -> new ArrayList<>()).add(new Phrase(List.copyOf(words), drug));
            }
        });
        Map<String, List<Phrase>> sorted = new HashMap<>();
        index.forEach((first, phrases) -> sorted.put(first, phrases.stream()
                .sorted(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed()).toList()));
        this.byFirstWord = Map.copyOf(sorted);
    }

    /** The words of {@code text}: runs of letters or digits, lower-cased; empty for null. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Whether {@code words} holds {@code phrase} as consecutive words starting at {@code at}. */
    static boolean matchesAt(List<String> words, int at, List<String> phrase) {
        if (phrase.isEmpty() || at + phrase.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < phrase.size(); i++) {
            if (!words.get(at + i).equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code words} holds {@code phrase} as consecutive words anywhere. */
    static boolean contains(List<String> words, List<String> phrase) {
        for (int at = 0; at + phrase.size() <= words.size(); at++) {
            if (matchesAt(words, at, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** The medicines {@code text} names, in the order it names them, each once; empty when it names none. */
    List<DrugEntry> find(String text) {
        List<String> words = words(text);
        Set<DrugEntry> found = new LinkedHashSet<>();
        int at = 0;
        while (at < words.size()) {
            Phrase match = longestAt(words, at);
            if (match == null) {
                at++;
            } else {
                found.add(match.drug());
                at += match.words().size();
            }
        }
        return List.copyOf(found);
    }

    private Phrase longestAt(List<String> words, int at) {
        for (Phrase p : byFirstWord.getOrDefault(words.get(at), List.of())) {
            if (matchesAt(words, at, p.words())) {
                return p;
            }
        }
        return null;
    }
}
