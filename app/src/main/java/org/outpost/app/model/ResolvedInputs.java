package org.outpost.app.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's inputs as far as the chart could fill them: the values, where each came from, and the names
 * the chart could not fill (in the model's form order) for the clinician to enter.
 *
 * @param inputs     the values, typed as {@link ModelInputs} expects them
 * @param sources    the source of every value in {@code inputs}, by input name
 * @param unresolved the model's inputs that have no value, in the order the model lists them
 * @param expired    for unresolved measured inputs whose latest observation is older than the model's
 *                   freshness window: that observation's source, so the clinician sees "last value …, too old"
 *                   rather than "not in the chart"
 */
public record ResolvedInputs(ModelInputs inputs, Map<String, InputSource> sources, List<String> unresolved,
                             Map<String, InputSource.FromObservation> expired) {
    public ResolvedInputs {
        Objects.requireNonNull(inputs, "inputs");
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        unresolved = List.copyOf(unresolved);
        expired = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expired));
        for (String name : inputs.asMap().keySet()) {
            if (!sources.containsKey(name)) {
                throw new IllegalArgumentException("No source for input " + name);
            }
        }
    }

    /** The too-old observation behind an unresolved measured input, if there is one. */
    public Optional<InputSource.FromObservation> expiredSource(String name) {
        return Optional.ofNullable(expired.get(name));
    }

    public Optional<InputSource> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /**
     * A copy where {@code name} has the clinician's {@code value} (source {@link InputSource.Entered}), or
     * has no value when {@code value} is null; {@code specs} gives the order of the unresolved list.
     */
    public ResolvedInputs entered(List<InputSpec> specs, String name, Object value) {
        Map<String, InputSource> s = new LinkedHashMap<>(sources);
        ModelInputs in = inputs.with(name, value);
        if (value == null) {
            s.remove(name);
        } else {
            s.put(name, new InputSource.Entered());
        }
        List<String> missing = new ArrayList<>();
        for (InputSpec spec : specs) {
            if (!in.has(spec.name())) {
                missing.add(spec.name());
            }
        }
        Map<String, InputSource.FromObservation> stillExpired = new LinkedHashMap<>(expired);
        stillExpired.keySet().retainAll(missing);
        return new ResolvedInputs(in, s, missing, stillExpired);
    }
}
