package org.outpost.sync.testserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * HAPI FHIR's {@link RestfulServer} in an embedded Jetty on a random loopback port, over an in-memory versioned
 * store. It is the real HAPI server stack (HTTP handling, parsing, transaction and update binding,
 * OperationOutcome errors); only persistence is a map instead of the JPA database, because the JPA server
 * takes 20-30 s to start on the two-core CI box (see the module README). It mirrors the JPA server where sync
 * depends on it: client-assigned ids on PUT, new version only when the content changes, all-or-nothing
 * transactions, and referential integrity on write (an Observation pointing at an unknown Patient is a 422).
 */
public final class InMemoryFhirServer implements FhirTestServer {
    private final Server jetty;
    private final URI base;
    private final Engine engine;

    private InMemoryFhirServer(Server jetty, URI base, Engine engine) {
        this.jetty = jetty;
        this.base = base;
        this.engine = engine;
    }

    public static InMemoryFhirServer start() throws Exception {
        FhirContext ctx = FhirContext.forR4();
        // nothing this server stores or answers contains resources: skip HAPI's walk looking for them on every
        // encode (a context of its own, so the setting reaches nobody else)
        ctx.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        Engine engine = new Engine(ctx, new MemoryStore(ctx));
        RestfulServer fhir = new RestfulServer(ctx);
        for (Class<? extends Resource> type : List.of(Patient.class, Observation.class, MedicationStatement.class,
                RiskAssessment.class, Basic.class)) {
            fhir.registerProvider(new MemoryResourceProvider(type, engine));
        }
        fhir.registerProvider(new TransactionProvider(engine));
        // searches larger than a page are paged by the server (without a paging provider HAPI's next links repeat
        // results, and a search of thousands of resources came back several times over)
        fhir.setPagingProvider(new FifoMemoryPagingProvider(50).setDefaultPageSize(100).setMaximumPageSize(500));

        Server jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return new InMemoryFhirServer(jetty, URI.create("http://127.0.0.1:" + port + "/fhir"), engine);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public void reset() {
        engine.store().clear();
    }

    @Override
    public String description() {
        return "HAPI RestfulServer 8.8.0 + in-memory versioned store";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** Applies writes with the server's rules; shared by the type providers and the transaction provider. */
    record Engine(FhirContext context, MemoryStore store) {
        /**
         * PUT to {@code Type/id} or {@code Type?identifier=system|value}; call inside {@link MemoryStore#atomically}
         * and {@link #checkReferences} once every write of the request is done (a transaction may list a
         * Patient after the Observations that point at it).
         */
        MemoryStore.Written put(Resource resource, String url) {
            String type = resource.fhirType();
            if (url.startsWith(type + "?")) {
                String query = url.substring(type.length() + 1);
                if (!query.startsWith("identifier=")) {
                    throw new InvalidRequestException("only identifier= is supported in conditional updates");
                }
                String token = java.net.URLDecoder.decode(query.substring("identifier=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
                String[] parts = token.split("\\|", 2);
                Predicate<Resource> match = parts.length == 2 ? r -> hasIdentifier(r, parts[0], parts[1])
                        : r -> hasIdentifier(r, null, parts[0]);
                return store.conditionalPut(resource, match);
            }
            String[] parts = url.split("/");
            if (parts.length != 2 || !parts[0].equals(type)) {
                throw new InvalidRequestException("PUT " + url + " does not match a " + type);
            }
            if (!resource.hasIdElement() || !parts[1].equals(resource.getIdElement().getIdPart())) {
                throw new InvalidRequestException("Resource body id does not match the URL " + url);
            }
            return store.put(resource);
        }

        void checkReferences(Resource resource) {
            for (Reference ref : references(resource)) {
                String target = ref.getReferenceElement().toUnqualifiedVersionless().getValue();
                if (target == null || target.startsWith("#") || target.startsWith("urn:")) {
                    continue;
                }
                String[] p = target.split("/");
                if (p.length == 2 && !store.exists(p[0], p[1])) {
                    throw new UnprocessableEntityException("Resource " + target + " not found, specified in "
                            + resource.fhirType() + " (referential integrity on write)");
                }
            }
        }

        /**
         * Every reference the resource holds. What sync sends points only at its subject, so for those shapes the
         * subject is read directly; anything else (other references, contained resources, extensions) is walked with
         * HAPI's terser, which is generic and was the costliest part of a write.
         */
        private List<Reference> references(Resource resource) {
            boolean plain = !(resource instanceof DomainResource d) || (!d.hasContained() && !d.hasExtension());
            List<Reference> quick = !plain ? null : switch (resource) {
                case Patient p when !p.hasGeneralPractitioner() && !p.hasManagingOrganization() && !p.hasLink()
                        && !p.hasContact() -> List.of();
                case Observation o when onlySubject(o) -> subject(o.getSubject());
                case MedicationStatement m when onlySubject(m) -> subject(m.getSubject());
                case RiskAssessment a when onlySubject(a) -> subject(a.getSubject());
                case Basic b when !b.hasAuthor() -> subject(b.getSubject());
                default -> null;
            };
            return quick != null ? quick
                    : context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class);
        }

        private static List<Reference> subject(Reference subject) {
            return subject.hasReference() ? List.of(subject) : List.of();
        }

        private static boolean onlySubject(Observation o) {
            return !o.hasEncounter() && !o.hasPerformer() && !o.hasBasedOn() && !o.hasPartOf() && !o.hasFocus()
                    && !o.hasSpecimen() && !o.hasDevice() && !o.hasHasMember() && !o.hasDerivedFrom();
        }

        private static boolean onlySubject(MedicationStatement m) {
            return !m.hasMedicationReference() && !m.hasContext() && !m.hasInformationSource() && !m.hasBasedOn()
                    && !m.hasPartOf() && !m.hasDerivedFrom() && !m.hasReasonReference();
        }

        private static boolean onlySubject(RiskAssessment a) {
            return !a.hasEncounter() && !a.hasPerformer() && !a.hasBasedOn() && !a.hasParent() && !a.hasBasis()
                    && !a.hasReasonReference() && !a.hasCondition();
        }

        static boolean hasIdentifier(Resource r, String system, String value) {
            List<Identifier> ids = switch (r) {
                case Patient p -> p.getIdentifier();
                case Observation o -> o.getIdentifier();
                case MedicationStatement m -> m.getIdentifier();
                case RiskAssessment a -> a.getIdentifier();
                case Basic b -> b.getIdentifier();
                default -> List.of();
            };
            return ids.stream().anyMatch(i -> (system == null || system.equals(i.getSystem()))
                    && value.equals(i.getValue()));
        }

        static boolean refersTo(FhirContext ctx, Resource r, String target) {
            return ctx.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class).stream()
                    .anyMatch(ref -> target.equals(ref.getReferenceElement().toUnqualifiedVersionless().getValue()));
        }
    }

    /** {@code POST [base]} with a transaction bundle: deletes first, then PUTs, all or nothing. */
    public static final class TransactionProvider {
        private final Engine engine;

        TransactionProvider(Engine engine) {
            this.engine = engine;
        }

        @Transaction
        public Bundle transaction(@TransactionParam Bundle request) {
            if (request.getType() != Bundle.BundleType.TRANSACTION) {
                throw new InvalidRequestException("Bundle type must be transaction");
            }
            return engine.store().atomically(() -> {
                int n = request.getEntry().size();
                List<Bundle.BundleEntryResponseComponent> responses = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    responses.add(null);
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < n; i++) {
                        BundleEntryComponent e = request.getEntry().get(i);
                        HTTPVerb verb = e.getRequest().getMethod();
                        if (pass == 0 && verb == HTTPVerb.DELETE) {
                            String[] p = e.getRequest().getUrl().split("/");
                            engine.store().delete(p[0], p[1]);
                            responses.set(i, new Bundle.BundleEntryResponseComponent().setStatus("204 No Content"));
                        } else if (pass == 1 && verb == HTTPVerb.PUT) {
                            MemoryStore.Written w = engine.put(e.getResource(), e.getRequest().getUrl());
                            responses.set(i, new Bundle.BundleEntryResponseComponent()
                                    .setStatus(w.created() ? "201 Created" : "200 OK")
                                    .setLocation(w.location())
                                    .setEtag("W/\"" + w.version() + "\""));
                        } else if (pass == 1 && verb != HTTPVerb.DELETE) {
                            throw new InvalidRequestException("This test server only supports PUT and DELETE"
                                    + " in transactions, not " + verb);
                        }
                    }
                }
                request.getEntry().stream().filter(BundleEntryComponent::hasResource)
                        .forEach(e -> engine.checkReferences(e.getResource()));
                Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
                responses.forEach(r -> response.addEntry().setResponse(r));
                return response;
            });
        }
    }
}
