package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.outpost.app.monitoring.Measure;

/**
 * The FHIR path on real Synthea transaction bundles (../shared/data/synthea, 32 patients): every bundle reads, and the
 * readings per measure are the Observations counted here from the plain JSON, independently of HAPI and the importer.
 */
class SyntheaSeriesTest {
    private static final Path DATA = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "data",
            "synthea");

    @Test
    void everySyntheaBundleGivesItsVitalSignsAndGlucose() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "the shared data folder is beside the project");
        List<Path> files;
        try (Stream<Path> list = Files.list(DATA)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(32);
        ObjectMapper json = new ObjectMapper();
        Map<Measure, Long> total = new EnumMap<>(Measure.class);
        for (Path file : files) {
            Map<Measure, Long> expected = count(json.readTree(file.toFile()));
            ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZoneId.of("America/New_York"));
            assertThat(series.format()).isEqualTo(SeriesFormat.FHIR);
            for (Measure m : Measure.values()) {
                assertThat((long) series.readings(m).size()).as("%s in bundle %d", m, files.indexOf(file))
                        .isEqualTo(expected.getOrDefault(m, 0L));
            }
            expected.forEach((m, n) -> total.merge(m, n, Long::sum));
        }
        // counted with a script over the 32 files: 231 weights, 231 BP panels (55284-4), 172 glucose (2339-0)
        assertThat(total).containsEntry(Measure.WEIGHT, 231L).containsEntry(Measure.SYSTOLIC_BP, 231L)
                .containsEntry(Measure.DIASTOLIC_BP, 231L).containsEntry(Measure.GLUCOSE, 172L)
                .doesNotContainKey(Measure.HEART_RATE);
    }

    private static Map<Measure, Long> count(JsonNode bundle) {
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            if (!r.path("resourceType").asText().equals("Observation")) {
                continue;
            }
            String code = r.path("code").path("coding").path(0).path("code").asText();
            switch (code) {
                case "29463-7" -> counts.merge(Measure.WEIGHT, 1L, Long::sum);
                case "2339-0" -> counts.merge(Measure.GLUCOSE, 1L, Long::sum);
                case "8867-4" -> counts.merge(Measure.HEART_RATE, 1L, Long::sum);
                case "55284-4", "85354-9" -> {
                    for (JsonNode c : r.path("component")) {
                        String part = c.path("code").path("coding").path(0).path("code").asText();
                        if (part.equals("8480-6")) {
                            counts.merge(Measure.SYSTOLIC_BP, 1L, Long::sum);
                        } else if (part.equals("8462-4")) {
                            counts.merge(Measure.DIASTOLIC_BP, 1L, Long::sum);
                        }
                    }
                }
                default -> { }
            }
        }
        return counts;
    }
}
