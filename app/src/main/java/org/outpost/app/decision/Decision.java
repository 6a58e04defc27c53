package org.outpost.app.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;

/**
 * A clinician's decision on one model result, kept with exactly what it was made on: the model's id and
 * version and the inputs (as {@link DecisionInputs#canonical canonical text}), and the result shown.
 *
 * @param value    the result's value, empty when the model was not applicable
 * @param category the result's category, if the model gives one
 * @param reason   why; required (non-blank) for {@link DecisionKind#OVERRIDDEN}, may be empty otherwise.
 *                 Free text that may identify the patient: never logged or audited
 * @param username who decided
 */
public record Decision(UUID id, PatientId patient, String modelId, String modelVersion, String inputs,
                       OptionalDouble value, Optional<String> category, DecisionKind kind, String reason,
                       String username, Instant decidedAt) {
    /** Longest reason kept, in characters. */
    public static final int MAX_REASON = 2000;

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(inputs, "inputs");
        value = value == null ? OptionalDouble.empty() : value;
        category = category == null ? Optional.empty() : category;
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (kind == DecisionKind.OVERRIDDEN && reason.isEmpty()) {
            throw new IllegalArgumentException("An override needs a reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reason is at most " + MAX_REASON + " characters");
        }
    }

    /** The stored inputs, typed again. */
    public ModelInputs inputValues() {
        return DecisionInputs.parse(inputs);
    }

    /**
     * Whether this decision was made on something other than what the model would now run on: another
     * model version, or other input values.
     */
    public boolean isStaleFor(ModelRef current, ModelInputs currentInputs) {
        return !modelId.equals(current.id()) || !modelVersion.equals(current.version())
                || !inputs.equals(DecisionInputs.canonical(currentInputs));
    }

    @Override
    public String toString() {
        return "Decision[" + id + ", " + modelId + " " + modelVersion + ", " + kind + "]"; // no inputs or reason
    }
}
