package org.outpost.ui.cli.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.calc.Calc.calc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.catalog.BundledModels;

/** {@code --list}, {@code --help}, {@code --schema} and wrong usage. */
class CalcInfoTest {
    static Stream<ClinicalModel> models() {
        return BundledModels.all().stream();
    }

    @Test
    void listShowsEveryModelWithVersionAndTitleInUtf8() {
        var r = calc("", "--list");
        assertThat(r.exitCode()).isZero();
        List<String> expected = BundledModels.all().stream()
                .map(m -> m.ref().id() + "\t" + m.ref().version() + "\t" + m.ref().title()).toList();
        assertThat(r.outLines()).containsExactlyElementsOf(expected);
        assertThat(r.out()).contains("cha2ds2-vasc\t1.0.0\tCHA\u2082DS\u2082-VASc");
    }

    @ParameterizedTest
    @MethodSource("models")
    void schemaIsJsonListingEveryInput(ClinicalModel model) throws Exception {
        var r = calc("", model.ref().id(), "--schema");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("model").textValue()).isEqualTo(model.ref().id());
        assertThat(n.get("version").textValue()).isEqualTo(model.ref().version());
        assertThat(n.get("source").textValue()).isEqualTo(model.ref().source());
        List<String> names = new ArrayList<>();
        for (JsonNode input : n.get("inputs")) {
            names.add(input.get("name").textValue());
            InputSpec spec = model.inputs().stream().filter(s -> s.name().equals(input.get("name").textValue()))
                    .findFirst().orElseThrow();
            assertThat(input.get("description").textValue()).isEqualTo(spec.description());
            assertThat(input.get("descriptionKey").textValue()).isEqualTo(spec.descriptionKey());
            switch (spec.kind()) {
                case NUMBER -> {
                    assertThat(input.get("type").textValue()).isEqualTo("number");
                    assertThat(input.get("unit").textValue()).isEqualTo(spec.unit());
                    assertThat(input.get("min").doubleValue()).isEqualTo(spec.min());
                    assertThat(input.get("max").doubleValue()).isEqualTo(spec.max());
                }
                case BOOLEAN -> assertThat(input.get("type").textValue()).isEqualTo("boolean");
                case CHOICE -> {
                    assertThat(input.get("type").textValue()).isEqualTo("choice");
                    assertThat(input.get("choices")).extracting(JsonNode::textValue)
                            .containsExactlyElementsOf(spec.choices());
                }
                case TEXT -> assertThat(input.get("type").textValue()).isEqualTo("text");
            }
        }
        assertThat(names).containsExactlyElementsOf(model.inputs().stream().map(InputSpec::name).toList());
    }

    @Test
    void schemaOfChaVascInDetail() throws Exception {
        JsonNode age = new ObjectMapper().readTree(calc("", "cha2ds2-vasc", "--schema").out()).get("inputs").get(0);
        assertThat(age.toString()).isEqualTo("{\"name\":\"age\",\"type\":\"number\",\"unit\":\"years\","
                + "\"units\":[\"years\"],\"min\":0,\"max\":120,\"description\":\"Age in completed years\","
                + "\"descriptionKey\":\"input.cha2ds2-vasc.age\"}");
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelHelpListsInputsUnitsRangesAndSource(ClinicalModel model) {
        var r = calc("", model.ref().id(), "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(model.ref().title(), model.ref().version(), "Source: " + model.ref().source(),
                "rounded half-up to 2 decimals");
        for (InputSpec s : model.inputs()) {
            assertThat(r.out()).contains(s.name(), s.description());
            if (!s.unit().isEmpty()) {
                assertThat(r.out()).contains(s.unit());
            }
            s.choices().forEach(c -> assertThat(r.out()).contains(c));
        }
    }

    @Test
    void chaVascHelpInDetail() {
        String help = calc("", "cha2ds2-vasc", "--help").out();
        assertThat(help).contains("age  ", "number in years, 0\u2013120 years", "one of: female, male",
                "atrialFibrillation", "true/false", "Lip GYH et al. Chest 2010");
    }

    @Test
    void commandHelpShowsTheModes() {
        var r = calc("", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--list", "--schema", "--csv", "--out", "--keep-column", "--input",
                "Exit codes", "rounded half-up");
    }

    @Test
    void wrongUsageIsExitTwoWithOneLine() {
        var none = calc("");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLine()).startsWith("Missing model id: one of ").contains("cha2ds2-vasc", "(or --list)");

        var listWithModel = calc("", "--list", "cha2ds2-vasc");
        assertThat(listWithModel.exitCode()).isEqualTo(2);

        var csvWithoutOut = calc("", "cha2ds2-vasc", "--csv", "in.csv");
        assertThat(csvWithoutOut.exitCode()).isEqualTo(2);
        assertThat(csvWithoutOut.errLine()).isEqualTo("--csv needs --out OUT (see 'outpost admin calc --help')");

        var unknownOption = calc("", "cha2ds2-vasc", "--frobnicate");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).hasLineCount(1);
    }
}
