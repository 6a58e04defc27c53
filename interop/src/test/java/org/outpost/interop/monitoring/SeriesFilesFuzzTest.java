package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever lines follow a real header (or none), reading ends in readings or a {@link SeriesFileException}:
 * no other exception type escapes (a NumberFormatException, DateTimeException or the CSV parser's own would).
 */
class SeriesFilesFuzzTest {
    private static final List<String> HEADERS = List.of("id,time,hr", "timestamp,measure,value,unit",
            "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL)",
            "\uFEFFIndex,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mmol/L)", "{\"resourceType\": \"Bundle\",",
            "{\"resourceType\": \"Observation\",", "", "garbage");

    @Provide
    Arbitrary<String> header() {
        return Arbitraries.of(HEADERS);
    }

    @Provide
    Arbitrary<String> line() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> csvish = Arbitraries.strings().withChars("0123456789-:T,.\" ZLowHigh/minkgEV+e")
                .ofMaxLength(50);
        Arbitrary<String> plausible = Arbitraries.of("1,2016-04-12T07:21:00,70", "2024-01-01T08:00:00Z,glucose,5.5,mmol/L",
                "5,2020-01-01T00:00:00,EGV,Low", "6,2020-01-01T00:00:00,EGV,", "7,,FirstName,Ann",
                "\"entry\": [{\"resource\": {\"resourceType\": \"Observation\"}}]}", "}", "\"");
        return Arbitraries.oneOf(noise, csvish, plausible);
    }

    @Property(tries = 300)
    void garbageLinesEndInReadingsOrASeriesFileException(@ForAll("header") String header,
            @ForAll @Size(max = 12) List<@net.jqwik.api.From("line") String> lines) throws IOException {
        Path file = Files.createTempFile("series-fuzz", ".csv");
        try {
            // getBytes, not writeString: a lone surrogate becomes '?' instead of failing the test's own write
            Files.write(file, (header + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8));
            for (Optional<SeriesFormat> format : List.of(Optional.<SeriesFormat>empty(), Optional.of(SeriesFormat.GENERIC),
                    Optional.of(SeriesFormat.FHIR))) {
                try {
                    ParsedSeries series = SeriesFiles.read(file, format, ZoneId.of("Europe/Paris"));
                    assertThat(series.rowsRead()).isGreaterThanOrEqualTo(0);
                } catch (SeriesFileException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
