package org.outpost.app.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.outpost.app.domain.Measure;

/**
 * What an input stands for clinically, declared by the model that reads it ({@link InputSpec#as}), so that code
 * outside the model — the what-if scenarios — knows which input is the systolic pressure, the smoking status or
 * statin use without guessing from input names. A model opts in input by input; an input without a concept is the
 * model's own business and nothing outside it changes it.
 */
public sealed interface Concept {
    /** Systolic blood pressure: a number measured as {@link Measure#SYSTOLIC_BP}. */
    SystolicBp SYSTOLIC_BP = new SystolicBp();
    /** Current smoking as a flag: true when the person smokes now. */
    Smoking SMOKING = new Smoking(Map.of());
    /** Statin use as a flag: true when the person takes a statin. */
    Statin STATIN = new Statin();

    /** Smoking as a choice: what each of the input's choices means. */
    static Smoking smoking(Map<String, SmokingStatus> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("A smoking choice says what each choice means");
        }
        return new Smoking(choices);
    }

    /** Whether an input of this kind, measure and choices can carry the concept (a statin dose is not a statin flag). */
    boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices);

    /** Systolic blood pressure, mmHg. */
    record SystolicBp() implements Concept {
        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return kind == InputSpec.Kind.NUMBER && measure.equals(Optional.of(Measure.SYSTOLIC_BP));
        }
    }

    /** On a statin (a flag). */
    record Statin() implements Concept {
        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return kind == InputSpec.Kind.BOOLEAN;
        }
    }

    /**
     * Smoking: a flag (true = smokes now) when {@code choices} is empty, otherwise a choice input whose every choice
     * is given its {@link SmokingStatus}.
     */
    record Smoking(Map<String, SmokingStatus> choices) implements Concept {
        public Smoking {
            choices = Map.copyOf(Objects.requireNonNull(choices, "choices"));
        }

        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return this.choices.isEmpty() ? kind == InputSpec.Kind.BOOLEAN
                    : kind == InputSpec.Kind.CHOICE && this.choices.keySet().equals(Set.copyOf(choices));
        }
    }

    /** What a smoking choice means. */
    enum SmokingStatus {
        /** Never smoked (or, for models that make no further distinction, not smoking now). */
        NEVER,
        /** Smoked and stopped. */
        FORMER,
        /** Smokes now, whatever the amount. */
        CURRENT
    }
}
