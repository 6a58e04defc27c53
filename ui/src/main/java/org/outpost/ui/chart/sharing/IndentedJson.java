package org.outpost.ui.chart.sharing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A sent bundle laid out for reading. What was sent is kept exactly as it went over the wire (compact JSON); this
 * only adds line breaks and indentation, token for token, numbers exactly as written, so the screen shows the same
 * content the server received.
 */
final class IndentedJson {
    private IndentedJson() {
    }

    /** {@code json} indented, or as it is if it cannot be read as JSON (it is then shown raw rather than hidden). */
    static String of(String json) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(json.length() + 1).build())
                .build();
        StringWriter out = new StringWriter(json.length() + json.length() / 2);
        try (JsonParser in = factory.createParser(json); JsonGenerator g = factory.createGenerator(out)) {
            // laid out as HAPI lays out FHIR JSON: "name": value, two-space indents
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            while (in.nextToken() != null) {
                g.copyCurrentEventExact(in);
            }
        } catch (IOException e) {
            return json;
        }
        return out.toString();
    }
}
