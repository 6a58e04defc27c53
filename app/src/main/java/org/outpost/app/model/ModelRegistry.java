package org.outpost.app.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bundled models by id. Immutable; built once at start-up (after unlock) by the composition root. */
public final class ModelRegistry {
    private final Map<String, ClinicalModel> models;

    public ModelRegistry(List<ClinicalModel> models) {
        Map<String, ClinicalModel> m = new LinkedHashMap<>();
        for (ClinicalModel model : models) {
            if (m.putIfAbsent(model.ref().id(), model) != null) {
                throw new IllegalArgumentException("Two models share the id " + model.ref().id());
            }
        }
        this.models = java.util.Collections.unmodifiableMap(m);
    }

    public Optional<ClinicalModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public List<ClinicalModel> all() {
        return List.copyOf(models.values());
    }

    public List<String> ids() {
        return List.copyOf(models.keySet());
    }
}
