package org.outpost.ui.cli.calc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.app.domain.Unit;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ImputedInput;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.OutOfDistribution;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Spread;
import org.outpost.app.model.SuggestedDose;
import org.outpost.ui.console.ExitCode;

/** Reads the JSON object of inputs; writes a result or a model's input schema as JSON. */
final class JsonIo {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonIo() {
    }

    /**
     * Reads exactly one JSON object and returns its members as plain values: Long or Double for numbers,
     * Boolean, String; a JSON null is left out (a missing value).
     *
     * @throws CalcFailure (exit 1) naming the line and column of malformed JSON, or the member of the wrong type
     */
    static Map<String, Object> readInputs(InputStream in, String what) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CalcFailure(ExitCode.FAILED, "malformed JSON in " + what + where(e.getLocation()) + ": "
                    + clean(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new CalcFailure(ExitCode.FAILED, "no JSON in " + what + " (expected one object of inputs, e.g. "
                    + "{\"age\": 70})");
        }
        if (!root.isObject()) {
            throw new CalcFailure(ExitCode.FAILED, "expected one JSON object of inputs in " + what + ", not "
                    + kind(root));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            JsonNode v = member.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.longValue();
            } else if (v.isNumber()) {
                value = v.doubleValue();
            } else if (v.isTextual()) {
                value = v.textValue();
            } else {
                throw new CalcFailure(ExitCode.FAILED, member.getKey() + ": expected a number, true/false or a "
                        + "string, not " + kind(v));
            }
            values.put(member.getKey(), value); // a null stays as a known name with no value
        }
        return values;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message without the "[Source: …]" it may quote for a start marker. */
    private static String clean(String message) {
        return message == null ? "not JSON" : message
                .replaceAll("\\[Source: [^;\\]]*; ", "[")
                .replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            default -> "null";
        };
    }

    /** A generator on {@code out} that leaves it open; non-ASCII is escaped unless the stream is UTF-8. */
    static JsonGenerator generator(Writer out, boolean utf8, boolean pretty) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        if (!utf8) {
            g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
        }
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        return g;
    }

    static void writeEvaluation(JsonGenerator g, Evaluation e) throws IOException {
        ModelRef ref = e.model();
        g.writeStartObject();
        g.writeBooleanField("applicable", e.applicable());
        g.writeFieldName("value");
        if (e.value().isPresent()) {
            g.writeNumber(Numbers.value(e.value().getAsDouble(), e.unit()));
        } else {
            g.writeNull();
        }
        stringOrNull(g, "unit", e.unit().isEmpty() ? null : e.unit());
        stringOrNull(g, "category", e.category().orElse(null));
        g.writeArrayFieldStart("contributions");
        for (Contribution c : e.contributions()) {
            g.writeStartObject();
            g.writeStringField("input", c.input());
            g.writeFieldName("amount");
            g.writeNumber(Numbers.contribution(c.amount(), c.unit()));
            g.writeStringField("unit", c.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "missing", e.missing());
        strings(g, "reasons", e.reasons());
        if (e.recommendation().isPresent()) {
            Recommendation r = e.recommendation().get();
            g.writeObjectFieldStart("recommendation");
            g.writeStringField("severity", r.severity().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("text", r.text());
            stringOrNull(g, "strength", r.strength().isEmpty() ? null : r.strength());
            stringOrNull(g, "source", r.source().isEmpty() ? null : r.source());
            if (r.suggestedDose().isPresent()) {
                SuggestedDose d = r.suggestedDose().get();
                g.writeObjectFieldStart("suggestedDose");
                g.writeFieldName("amount");
                g.writeNumber(plain(d.amount()));
                g.writeStringField("unit", d.unit());
                g.writeStringField("frequency", d.frequency());
                g.writeEndObject();
            } else {
                g.writeNullField("suggestedDose");
            }
            g.writeEndObject();
        }
        if (e.spread().isPresent()) {
            Spread sp = e.spread().get();
            g.writeObjectFieldStart("spread");
            g.writeFieldName("low");
            g.writeNumber(Numbers.value(sp.low(), e.unit()));
            g.writeFieldName("high");
            g.writeNumber(Numbers.value(sp.high(), e.unit()));
            g.writeStringField("description", sp.description());
            g.writeEndObject();
        }
        if (e.outOfDistribution().isPresent()) {
            OutOfDistribution ood = e.outOfDistribution().get();
            g.writeObjectFieldStart("outOfDistribution");
            g.writeBooleanField("inDistribution", ood.inDistribution());
            strings(g, "outOfRangeInputs", ood.outOfRangeInputs());
            g.writeBooleanField("unusualCombination", ood.unusualCombination());
            g.writeFieldName("distance");
            g.writeNumber(plain(Math.round(ood.distance() * 100) / 100.0));
            g.writeFieldName("threshold");
            g.writeNumber(plain(Math.round(ood.threshold() * 100) / 100.0));
            g.writeEndObject();
        }
        if (!e.imputed().isEmpty()) {
            // inputs the model filled in itself (QRISK3's means): the value used and how it was chosen
            g.writeArrayFieldStart("imputed");
            for (ImputedInput i : e.imputed()) {
                g.writeStartObject();
                g.writeStringField("input", i.input());
                if (i.value() instanceof Double d) {
                    g.writeFieldName("value");
                    g.writeNumber(plain(Math.round(d * 1000) / 1000.0));
                } else {
                    g.writeStringField("value", i.value().toString());
                }
                g.writeStringField("basis", i.basis());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("model", ref.id());
        g.writeStringField("version", ref.version());
        g.writeStringField("source", ref.source());
        g.writeEndObject();
    }

    /** The model and its inputs, for programs that call {@code admin calc}. */
    static void writeSchema(JsonGenerator g, ClinicalModel model) throws IOException {
        ModelRef ref = model.ref();
        g.writeStartObject();
        g.writeStringField("model", ref.id());
        g.writeStringField("version", ref.version());
        g.writeStringField("title", ref.title());
        g.writeStringField("source", ref.source());
        g.writeArrayFieldStart("inputs");
        for (InputSpec s : model.inputs()) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            switch (s.kind()) {
                case NUMBER -> {
                    g.writeStringField("type", "number");
                    g.writeStringField("unit", s.unit());
                    strings(g, "units", acceptedUnits(s));
                    g.writeFieldName("min");
                    g.writeNumber(plain(s.min()));
                    g.writeFieldName("max");
                    g.writeNumber(plain(s.max()));
                }
                case BOOLEAN -> {
                    g.writeStringField("type", "boolean");
                    strings(g, "accepts", List.of("true", "false", "yes", "no", "1", "0"));
                }
                case CHOICE -> {
                    g.writeStringField("type", "choice");
                    strings(g, "choices", s.choices());
                }
                case TEXT -> g.writeStringField("type", "text");
            }
            g.writeStringField("description", s.description());
            if (!s.descriptionKey().isEmpty()) {
                g.writeStringField("descriptionKey", s.descriptionKey());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The units a number may be given in: the model's unit first, then its measure's other units. */
    static List<String> acceptedUnits(InputSpec s) {
        if (s.measure().isEmpty()) {
            return s.unit().isEmpty() ? List.of() : List.of(s.unit());
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(s.unit()),
                s.measure().get().units().stream().map(Unit::display)).distinct().toList();
    }

    private static java.math.BigDecimal plain(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static void stringOrNull(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
