package org.outpost.app.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.SmokingStatus;

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
        return smoking(choices, Map.of());
    }

    /**
     * Smoking as a choice graded by amount: what each choice means, and for choices that share a status, the
     * cigarettes a day each covers (inclusive bounds), e.g. QRISK3's light 1–9, moderate 10–19, heavy 20+.
     */
    static Smoking smoking(Map<String, SmokingStatus> choices, Map<String, PerDay> perDay) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("A smoking choice says what each choice means");
        }
        return new Smoking(choices, perDay);
    }

    /**
     * A flag that is true when the patient has any of {@code problems} (from the problem list), e.g. CHA₂DS₂-VASc's
     * "stroke, TIA or thromboembolism".
     */
    static Problem problem(ClinicalProblem... problems) {
        return new Problem(Set.of(problems));
    }

    /** Diabetes as a choice of none, type 1 or type 2, named by the model's own choice words. */
    static DiabetesType diabetesType(String none, String type1, String type2) {
        return new DiabetesType(none, type1, type2);
    }

    /**
     * A flag that is true when an active medicine belongs to any of the therapeutic classes (the medicines table's
     * class names, e.g. {@code antiplatelet}, {@code nsaid}); {@code oralOnly} counts only medicines given by mouth
     * (or whose route is not written), for inputs such as QRISK3's "corticosteroid tablets".
     */
    static Takes takes(boolean oralOnly, String... classes) {
        return new Takes(Set.of(classes), oralOnly);
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
     * is given its {@link SmokingStatus}, and where several choices share a status, the amount each covers.
     */
    record Smoking(Map<String, SmokingStatus> choices, Map<String, PerDay> perDay) implements Concept {
        public Smoking {
            choices = Map.copyOf(Objects.requireNonNull(choices, "choices"));
            perDay = Map.copyOf(Objects.requireNonNull(perDay, "perDay"));
            if (!choices.keySet().containsAll(perDay.keySet())) {
                throw new IllegalArgumentException("Amounts are given only for the choices: " + perDay.keySet());
            }
        }

        Smoking(Map<String, SmokingStatus> choices) {
            this(choices, Map.of());
        }

        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return this.choices.isEmpty() ? kind == InputSpec.Kind.BOOLEAN
                    : kind == InputSpec.Kind.CHOICE && this.choices.keySet().equals(Set.copyOf(choices));
        }

        /**
         * The choice that says {@code status} (with {@code cigarettesPerDay} when several choices share that
         * status), or empty when none or more than one fits — the amount is then needed and not known.
         */
        public Optional<String> choiceFor(SmokingStatus status, java.util.OptionalInt cigarettesPerDay) {
            List<String> same = choices.entrySet().stream().filter(e -> e.getValue() == status)
                    .map(Map.Entry::getKey).sorted().toList();
            if (same.size() == 1) {
                return Optional.of(same.getFirst());
            }
            if (cigarettesPerDay.isEmpty()) {
                return Optional.empty();
            }
            int n = cigarettesPerDay.getAsInt();
            List<String> fit = same.stream().filter(c -> perDay.containsKey(c) && perDay.get(c).covers(n)).toList();
            return fit.size() == 1 ? Optional.of(fit.getFirst()) : Optional.empty();
        }
    }

    /** Cigarettes a day from {@code min} to {@code max}, inclusive. */
    record PerDay(int min, int max) {
        public PerDay {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("Cigarettes a day from " + min + " to " + max);
            }
        }

        boolean covers(int n) {
            return n >= min && n <= max;
        }
    }

    /**
     * Diabetes as a choice of none or a type (QRISK3): "none" only when nothing in the chart points to diabetes on
     * a reviewed problem list; a type only when the problem list names it.
     */
    record DiabetesType(String none, String type1, String type2) implements Concept {
        public DiabetesType {
            Objects.requireNonNull(none, "none");
            Objects.requireNonNull(type1, "type1");
            Objects.requireNonNull(type2, "type2");
        }

        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return kind == InputSpec.Kind.CHOICE && Set.copyOf(choices).equals(Set.of(none, type1, type2));
        }
    }

    /** A flag answered from the problem list: true when the patient has any of {@code problems}. */
    record Problem(Set<ClinicalProblem> problems) implements Concept {
        public Problem {
            problems = Set.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("A problem flag names at least one problem");
            }
        }

        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return kind == InputSpec.Kind.BOOLEAN;
        }
    }

    /** A flag answered from the medication list: true when an active medicine is in any of {@code classes}. */
    record Takes(Set<String> classes, boolean oralOnly) implements Concept {
        public Takes {
            classes = Set.copyOf(classes);
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("A medicine flag names at least one class");
            }
        }

        @Override
        public boolean fits(InputSpec.Kind kind, Optional<Measure> measure, List<String> choices) {
            return kind == InputSpec.Kind.BOOLEAN;
        }
    }
}
