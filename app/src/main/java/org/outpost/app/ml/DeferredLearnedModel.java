package org.outpost.app.ml;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;

/**
 * A learned model that loads its files only when first asked for a prediction or its card. Its name, version and
 * inputs are known without loading, so a command that merely lists the models, the login screen and a chart's
 * layout on the FX thread never wait for Tribuo (loading the shipped files takes a noticeable fraction of a second
 * and starts protobuf); the evaluation runs on the task runner, where the load happens once.
 */
final class DeferredLearnedModel implements LearnedModel {
    private final ModelRef ref;
    private final List<InputSpec> inputs;
    private final Supplier<? extends LearnedModel> loaded;

    /**
     * @param loaded the loaded model; called on first use, from any thread (it must cache and be thread-safe)
     */
    DeferredLearnedModel(ModelRef ref, List<InputSpec> inputs, Supplier<? extends LearnedModel> loaded) {
        this.ref = Objects.requireNonNull(ref);
        this.inputs = List.copyOf(inputs);
        this.loaded = Objects.requireNonNull(loaded);
    }

    @Override
    public ModelRef ref() {
        return ref;
    }

    @Override
    public List<InputSpec> inputs() {
        return inputs;
    }

    /**
     * Until every input is there the answer needs no model ("missing: …", as the loaded model says it), so a chart
     * whose work-up is incomplete — most charts — never loads the files.
     */
    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent(inputs.stream().map(InputSpec::name).toArray(String[]::new));
        if (!missing.isEmpty()) {
            return Evaluation.notApplicable(ref, missing, List.of());
        }
        return loaded.get().evaluate(in);
    }

    @Override
    public ModelCard card() {
        return loaded.get().card();
    }

    @Override
    public String toString() {
        return ref.id();
    }
}
