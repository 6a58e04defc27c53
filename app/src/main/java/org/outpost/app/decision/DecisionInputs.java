package org.outpost.app.decision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ModelInputs;

/**
 * The canonical text of a model's inputs as stored with a decision: {@code name=value} pairs sorted by name
 * and joined by {@code ;}, numbers without trailing zeros ({@code 120}, {@code 5.5}), booleans
 * {@code true}/{@code false}, choices in lower case. Equal inputs give equal text, so comparing texts tells
 * whether the inputs changed. Holds no names: only the model's input values.
 */
public final class DecisionInputs {
    private DecisionInputs() {
    }

    /** The canonical text of {@code inputs}. */
    public static String canonical(ModelInputs inputs) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(inputs.asMap()).forEach((name, value) -> {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(name).append('=').append(value instanceof Double d ? Measure.format(d) : escape(value.toString()));
        });
        return sb.toString();
    }

    /** Reads canonical text back into typed inputs (numbers as doubles, true/false as booleans). */
    public static ModelInputs parse(String canonical) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (canonical == null || canonical.isBlank()) {
            return ModelInputs.empty();
        }
        for (String pair : canonical.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Not a stored input: " + pair.length() + " characters without '='");
            }
            String name = pair.substring(0, eq);
            String raw = unescape(pair.substring(eq + 1));
            values.put(name, typed(raw));
        }
        return ModelInputs.of(values);
    }

    private static Object typed(String raw) {
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
    }

    private static String unescape(String s) {
        return s.replace("%3D", "=").replace("%3B", ";").replace("%25", "%");
    }
}
