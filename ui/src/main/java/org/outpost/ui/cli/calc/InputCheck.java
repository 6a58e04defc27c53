package org.outpost.ui.cli.calc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;

/**
 * Checks raw input values (from JSON or a CSV row) against a model: unknown names are refused (a typo
 * must never quietly become a "missing" input), then each value is parsed by {@link ModelInputs#parse}.
 */
final class InputCheck {
    private final ClinicalModel model;
    private final List<String> names;

    InputCheck(ClinicalModel model) {
        this.model = model;
        this.names = model.inputs().stream().map(InputSpec::name).toList();
    }

    /** The inputs, or every problem found in one line. */
    ModelInputs.Parsed parse(Map<String, ?> raw) {
        List<String> errors = new ArrayList<>();
        unknown(raw.keySet()).ifPresent(errors::add);
        ModelInputs.Parsed parsed = ModelInputs.parse(model.inputs(), raw);
        errors.addAll(parsed.errors());
        return new ModelInputs.Parsed(parsed.inputs(), errors);
    }

    /** A message naming every given name the model does not read, with a suggestion for likely typos. */
    Optional<String> unknown(Collection<String> given) {
        List<String> unknown = given.stream().filter(n -> !names.contains(n)).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = unknown.stream().map(n -> "'" + n + "'" + suggestion(n)).toList();
        return Optional.of((unknown.size() == 1 ? "unknown input " : "unknown inputs ")
                + String.join(", ", described) + " (" + model.ref().id() + " takes: " + String.join(", ", names) + ")");
    }

    private String suggestion(String given) {
        String lower = given.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(lower, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, given.length() / 4))
                ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
