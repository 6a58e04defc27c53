package org.outpost.sync.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * Looks at the test server directly (not through the fault proxy) and checks the property every sync scenario
 * must end with: the server holds exactly one current copy of every summary it should hold, and nothing else.
 */
public final class ServerInspector {
    private static final List<Class<? extends Resource>> TYPES = List.of(Patient.class, Observation.class,
            MedicationStatement.class, RiskAssessment.class, Basic.class);

    private final FhirContext ctx;
    private final IGenericClient client;

    /** Uses its own FhirContext: HAPI takes the REST client factory from the context, and the transport's is its own. */
    public ServerInspector(FhirTestServer server) {
        this.ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        this.client = ctx.newRestfulGenericClient(server.base().toString());
    }

    /** Every current resource of a type, following pages. */
    public List<Resource> all(Class<? extends Resource> type) {
        return collect(client.search().forResource(type).count(500).returnBundle(Bundle.class).execute());
    }

    public List<Resource> patientsWithPseudonym(String pseudonym) {
        return collect(client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(TestSummaries.PSEUDONYM_SYSTEM, pseudonym))
                .returnBundle(Bundle.class).execute());
    }

    public List<Resource> observationsOf(String pseudonym) {
        return collect(client.search().forResource(Observation.class)
                .where(Observation.SUBJECT.hasId("Patient/" + pseudonym)).count(500).returnBundle(Bundle.class).execute());
    }

    public Resource read(String type, String id) {
        return (Resource) client.read().resource(type).withId(id).execute();
    }

    /**
     * Asserts the server holds exactly these summaries, each as its latest revision, with the given version for
     * each resource (by {@code Type/id}; resources not listed must be at version 1), plus {@code checkpoints}
     * Basic resources, and nothing else. Reads every resource type once (paged), so it stays quick for thousands of
     * resources.
     */
    public void assertHoldsExactly(Map<String, Bundle> latestByPseudonym, Map<String, String> versions,
            int checkpoints) {
        Map<String, Map<String, Resource>> held = new LinkedHashMap<>();
        for (Class<? extends Resource> type : TYPES) {
            Map<String, Resource> byId = new LinkedHashMap<>();
            for (Resource r : all(type)) {
                Resource before = byId.put(r.getIdElement().getIdPart(), r);
                assertThat(before).as("%s/%s listed twice", type.getSimpleName(), r.getIdElement().getIdPart()).isNull();
            }
            held.put(type.getSimpleName(), byId);
        }
        Map<String, Integer> expectedCounts = new HashMap<>();
        for (var e : latestByPseudonym.entrySet()) {
            String pseudonym = e.getKey();
            assertThat(held.get("Patient").values().stream().filter(p -> ((Patient) p).getIdentifier().stream()
                    .anyMatch(i -> TestSummaries.PSEUDONYM_SYSTEM.equals(i.getSystem()) && pseudonym.equals(i.getValue()))))
                    .as("Patients with pseudonym %s…", pseudonym.substring(0, 8))
                    .hasSize(1)
                    .allSatisfy(p -> assertThat(p.getIdElement().getIdPart()).isEqualTo(pseudonym));
            List<String> expectedObs = new ArrayList<>();
            for (Bundle.BundleEntryComponent entry : e.getValue().getEntry()) {
                Resource sent = entry.getResource();
                String key = sent.fhirType() + "/" + sent.getIdElement().getIdPart();
                expectedCounts.merge(sent.fhirType(), 1, Integer::sum);
                if (sent instanceof Observation) {
                    expectedObs.add(sent.getIdElement().getIdPart());
                }
                Resource current = held.getOrDefault(sent.fhirType(), Map.of()).get(sent.getIdElement().getIdPart());
                assertThat(current).as("%s on the server", key).isNotNull();
                assertThat(content(current)).as("current content of %s", key).isEqualTo(content(sent));
                assertThat(current.getMeta().getVersionId()).as("version of %s", key)
                        .isEqualTo(versions.getOrDefault(key, "1"));
            }
            assertThat(held.get("Observation").values().stream()
                    .filter(o -> ("Patient/" + pseudonym).equals(((Observation) o).getSubject().getReferenceElement()
                            .toUnqualifiedVersionless().getValue())))
                    .as("Observations of one patient")
                    .extracting(r -> r.getIdElement().getIdPart())
                    .containsExactlyInAnyOrderElementsOf(expectedObs);
        }
        expectedCounts.put("Basic", checkpoints);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Class<? extends Resource> type : TYPES) {
            counts.put(type.getSimpleName(), held.get(type.getSimpleName()).size());
            expected.put(type.getSimpleName(), expectedCounts.getOrDefault(type.getSimpleName(), 0));
        }
        assertThat(counts).as("resources on the server by type").isEqualTo(expected);
    }

    /** The resource without id and meta, for comparing what was sent with what is held. */
    public String content(Resource r) {
        IParser json = ctx.newJsonParser().setOmitResourceId(true);
        Resource c = r.copy();
        c.setMeta(null);
        c.setId((String) null);
        return json.encodeResourceToString(c);
    }

    private List<Resource> collect(Bundle page) {
        List<Resource> out = new ArrayList<>();
        while (true) {
            page.getEntry().forEach(e -> out.add(e.getResource()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return out;
            }
            page = client.loadPage().next(page).execute();
        }
    }
}
