package org.outpost.ui.cli.calc;

import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelRef;

/** {@code admin calc MODEL_ID --help}: the model's inputs, their types, units and ranges, and its source. */
final class ModelHelp {
    private ModelHelp() {
    }

    static String text(ClinicalModel model) {
        ModelRef ref = model.ref();
        StringBuilder b = new StringBuilder();
        b.append(ref.title()).append(" (").append(ref.id()).append(' ').append(ref.version()).append(")\n");
        b.append("Source: ").append(ref.source()).append("\n\n");
        b.append("Inputs (JSON members, or CSV columns); leave one out, null or blank when unknown:\n");
        int width = model.inputs().stream().mapToInt(s -> s.name().length()).max().orElse(0) + 2;
        for (InputSpec s : model.inputs()) {
            b.append("  ").append(pad(s.name(), width)).append(type(s)).append('\n');
            if (!s.description().isEmpty()) {
                b.append("  ").append(" ".repeat(width)).append(s.description()).append('\n');
            }
        }
        b.append('\n');
        b.append("A number may be given as a JSON number or as text with a unit, e.g. \"5.5 mmol/L\" (converted); "
                + "true/false also as yes/no or 1/0; choices in any case.\n");
        b.append("Unknown names, unknown units and values outside the accepted range are refused (exit 1). "
                + "The accepted range only refuses impossible values; where the model is not validated the "
                + "result says \"applicable\": false with the reasons.\n");
        b.append(Numbers.RULE).append('\n');
        b.append('\n');
        b.append("Usage:\n");
        b.append("  outpost admin calc ").append(ref.id()).append(" < inputs.json   (or --input inputs.json)\n");
        b.append("  outpost admin calc ").append(ref.id()).append(" --schema\n");
        b.append("  outpost admin calc ").append(ref.id()).append(" --csv in.csv --out scored.csv [--keep-column id]\n");
        b.append("Output: {\"applicable\", \"value\", \"unit\", \"category\", \"contributions\": [{\"input\", "
                + "\"amount\", \"unit\"}], \"missing\", \"reasons\", \"recommendation\" (advising models), \"model\", \"version\", \"source\"}\n");
        return b.toString();
    }

    private static String type(InputSpec s) {
        return switch (s.kind()) {
            case NUMBER -> {
                List<String> units = JsonIo.acceptedUnits(s);
                String range = Measure.format(s.min()) + "\u2013" + Measure.format(s.max());
                String text = "number" + (s.unit().isEmpty() ? "" : " in " + s.unit()) + ", " + range
                        + (s.unit().isEmpty() ? "" : " " + s.unit());
                yield units.size() > 1 ? text + " (units accepted: " + String.join(", ", units) + ")" : text;
            }
            case BOOLEAN -> "true/false";
            case CHOICE -> "one of: " + String.join(", ", s.choices());
            case TEXT -> "text";
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
