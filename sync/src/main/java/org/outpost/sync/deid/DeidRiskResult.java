package org.outpost.sync.deid;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Objects;

/**
 * One model result a clinician decided on, as it may leave: which model and version, its value, and the year of
 * the decision. Not the inputs (an age over 89 could be among them), not the category text, not the reason.
 */
public record DeidRiskResult(ResourceKey key, ModelCode model, BigDecimal value, Year year) {
    public DeidRiskResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(year, "year");
    }
}
