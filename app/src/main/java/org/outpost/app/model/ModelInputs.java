package org.outpost.app.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;

/**
 * The values given to a model, by input name: numbers in the input's unit, booleans, or lower-case
 * choices. Immutable; {@link #with} makes a what-if copy.
 */
public final class ModelInputs {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("\\s*([-+]?\\d+(?:[.,]\\d+)?)\\s*(\\S.*)?");

    private final Map<String, Object> values;

    private ModelInputs(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static ModelInputs empty() {
        return new ModelInputs(Map.of());
    }

    /** Already-typed values (Double/Integer, Boolean, String); for tests and for the chart resolver. */
    public static ModelInputs of(Map<String, ?> typed) {
        Map<String, Object> m = new LinkedHashMap<>();
        typed.forEach((k, v) -> m.put(k, normalise(v)));
        return new ModelInputs(m);
    }

    public ModelInputs with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        if (value == null) {
            m.remove(name);
        } else {
            m.put(name, normalise(value));
        }
        return new ModelInputs(m);
    }

    public ModelInputs without(String name) {
        return with(name, null);
    }

    public OptionalDouble number(String name) {
        return values.get(name) instanceof Double d ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    public Optional<Boolean> flag(String name) {
        return values.get(name) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** A text input (lower case), e.g. a diplotype. */
    public Optional<String> text(String name) {
        return choice(name);
    }

    public Optional<String> choice(String name) {
        return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The given names that have no value, in the order given. */
    public List<String> absent(String... names) {
        return Arrays.stream(names).filter(n -> !values.containsKey(n)).toList();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** What parsing raw input produced: the inputs that parsed, and a message for each that did not. */
    public record Parsed(ModelInputs inputs, List<String> errors) { }

    /**
     * Parses raw values (from JSON, CSV or a form) against a model's input specs. Numbers may be strings
     * with a unit ("5.5 mmol/L"), converted to the input's unit; booleans accept true/false, yes/no, 1/0;
     * choices are case-insensitive. Unknown names, blanks and nulls are ignored (a blank is a missing
     * value); anything unparseable or outside the accepted range gives a specific error.
     */
    public static Parsed parse(List<InputSpec> specs, Map<String, ?> raw) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (InputSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null || value instanceof String s && s.isBlank()) {
                continue;
            }
            try {
                parsed.put(spec.name(), parseOne(spec, value));
            } catch (IllegalArgumentException e) {
                errors.add(spec.name() + ": " + e.getMessage());
            }
        }
        return new Parsed(new ModelInputs(parsed), errors);
    }

    private static Object parseOne(InputSpec spec, Object value) {
        return switch (spec.kind()) {
            case BOOLEAN -> parseFlag(value);
            case CHOICE -> {
                String c = value.toString().strip().toLowerCase(Locale.ROOT);
                if (!spec.choices().contains(c)) {
                    throw new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ", spec.choices()));
                }
                yield c;
            }
            case TEXT -> {
                String t = value.toString().strip();
                if (t.length() > 200) {
                    throw new IllegalArgumentException("is longer than 200 characters");
                }
                yield t.toLowerCase(Locale.ROOT);
            }
            case NUMBER -> {
                double n = parseNumber(spec, value);
                if (n < spec.min() || n > spec.max()) {
                    throw new IllegalArgumentException(Measure.format(n) + " " + spec.unit()
                            + " is outside the accepted range " + Measure.format(spec.min()) + "–"
                            + Measure.format(spec.max()) + " " + spec.unit());
                }
                yield n;
            }
        };
    }

    private static boolean parseFlag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    private static double parseNumber(InputSpec spec, Object value) {
        if (value instanceof Number n) {
            return finite(n.doubleValue(), value);
        }
        Matcher m = NUMBER_WITH_UNIT.matcher(value.toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        double n = finite(Double.parseDouble(m.group(1).replace(',', '.')), value);
        String unitText = m.group(2) == null ? "" : m.group(2).strip();
        if (unitText.isEmpty() || unitText.equalsIgnoreCase(spec.unit())) {
            return n;
        }
        if (spec.measure().isEmpty()) {
            throw new IllegalArgumentException("'" + unitText + "' is not the unit of this input (" + spec.unit() + ")");
        }
        Measure measure = spec.measure().get();
        Unit unit = Unit.parse(unitText).filter(measure::accepts).orElseThrow(() -> new IllegalArgumentException(
                "'" + unitText + "' is not a unit for this input (use " + measure.units().stream()
                        .map(Unit::display).reduce((a, b) -> a + ", " + b).orElse("") + ")"));
        return measure.convert(Quantity.of(n, unit), measure.canonicalUnit()).value();
    }

    private static double finite(double n, Object original) {
        if (!Double.isFinite(n)) {
            throw new IllegalArgumentException("'" + original + "' is not a number");
        }
        return n;
    }

    private static Object normalise(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            return s.strip().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException("Unsupported input value type: " + v.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return "ModelInputs" + values.keySet(); // values may be personal: names only
    }
}
