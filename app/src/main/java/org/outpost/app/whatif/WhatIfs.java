package org.outpost.app.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;

/**
 * Proposes a model's standard what-ifs from the concepts its inputs declare — never from input names:
 * <ul>
 *   <li>{@link Concept#SYSTOLIC_BP} above {@value #SBP_TARGET_MM_HG} mmHg → at {@value #SBP_TARGET_MM_HG} mmHg, the
 *       SPRINT intensive target (SPRINT Research Group, NEJM 2015;373:2103-16);</li>
 *   <li>{@link Concept.Smoking} for a current smoker → a former smoker: the flag off, or the first choice the model
 *       declares {@link SmokingStatus#FORMER} (its first {@code NEVER} choice if it has none);</li>
 *   <li>{@link Concept#STATIN} off → on.</li>
 * </ul>
 * A scenario is proposed only when the current value is known and is not already the scenario's, in the order of the
 * model's inputs. A model whose inputs declare none of these concepts gets no what-ifs. Two models with a systolic
 * pressure input do not opt in: HAS-BLED (its hypertension item is above 160 mmHg or the clinician's "uncontrolled",
 * not a treatment target) and the learned coronary-disease model (a probability of disease at a stress-test work-up
 * from the resting pressure on admission, not a risk that lowering the pressure changes).
 */
public final class WhatIfs {
    /** The SPRINT intensive systolic target, mmHg (NEJM 2015;373:2103-16). */
    public static final double SBP_TARGET_MM_HG = 120;

    private WhatIfs() {
    }

    /** The what-ifs for this model and these current inputs. */
    public static List<WhatIf> propose(ClinicalModel model, ModelInputs now) {
        return propose(model.inputs(), now);
    }

    /** The what-ifs for inputs with these specs and these current values. */
    public static List<WhatIf> propose(List<InputSpec> specs, ModelInputs now) {
        List<WhatIf> out = new ArrayList<>();
        for (InputSpec spec : specs) {
            spec.concept().flatMap(concept -> propose(spec, concept, now)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<WhatIf> propose(InputSpec spec, Concept concept, ModelInputs now) {
        String name = spec.name();
        return switch (concept) {
            case Concept.SystolicBp sbp -> now.number(name).isPresent() && now.number(name).getAsDouble() > SBP_TARGET_MM_HG
                    ? Optional.of(new WhatIf(WhatIf.Kind.SBP_AT_TARGET, name, SBP_TARGET_MM_HG)) : Optional.empty();
            case Concept.Statin statin -> now.flag(name).filter(on -> !on)
                    .map(off -> new WhatIf(WhatIf.Kind.START_STATIN, name, true));
            case Concept.Smoking smoking when smoking.choices().isEmpty() -> now.flag(name).filter(on -> on)
                    .map(on -> new WhatIf(WhatIf.Kind.STOP_SMOKING, name, false));
            case Concept.Smoking smoking -> now.choice(name)
                    .filter(c -> smoking.choices().get(c) == SmokingStatus.CURRENT)
                    .flatMap(c -> stopped(spec, smoking))
                    .map(stopped -> new WhatIf(WhatIf.Kind.STOP_SMOKING, name, stopped));
            case Concept.Problem p -> Optional.empty();
            case Concept.DiabetesType d -> Optional.empty();
            case Concept.Takes t -> Optional.empty();
        };
    }

    private static Optional<String> stopped(InputSpec spec, Concept.Smoking smoking) {
        return first(spec, smoking, SmokingStatus.FORMER).or(() -> first(spec, smoking, SmokingStatus.NEVER));
    }

    private static Optional<String> first(InputSpec spec, Concept.Smoking smoking, SmokingStatus status) {
        return spec.choices().stream().filter(c -> smoking.choices().get(c) == status).findFirst();
    }
}
