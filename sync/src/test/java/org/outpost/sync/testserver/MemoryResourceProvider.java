package org.outpost.sync.testserver;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read, vread, update (PUT with the client's id, or conditional), delete and search by identifier or
 * subject/patient for one resource type, over a {@link MemoryStore}.
 */
final class MemoryResourceProvider implements IResourceProvider {
    private final Class<? extends Resource> type;
    private final InMemoryFhirServer.Engine engine;

    MemoryResourceProvider(Class<? extends Resource> type, InMemoryFhirServer.Engine engine) {
        this.type = type;
        this.engine = engine;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read(version = true)
    public Resource read(@IdParam IdType id) {
        return engine.store().read(type.getSimpleName(), id.getIdPart(),
                id.hasVersionIdPart() ? Optional.of(id.getVersionIdPartAsLong()) : Optional.empty());
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam IBaseResource resource,
            @ConditionalUrlParam String conditionalUrl) {
        MemoryStore.Written w = engine.store().atomically(() -> {
            MemoryStore.Written written = engine.put((Resource) resource,
                    conditionalUrl != null ? conditionalUrl : type.getSimpleName() + "/" + id.getIdPart());
            engine.checkReferences((Resource) resource);
            return written;
        });
        MethodOutcome out = new MethodOutcome(new IdType(w.type(), w.id(), Long.toString(w.version())));
        out.setCreated(w.created());
        return out;
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        engine.store().delete(type.getSimpleName(), id.getIdPart());
        return new MethodOutcome();
    }

    @Search(allowUnknownParams = false)
    public List<IBaseResource> search(@OptionalParam(name = "identifier") TokenParam identifier,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "patient") ReferenceParam patient) {
        if (subject != null && patient != null) {
            throw new InvalidRequestException("use subject or patient, not both");
        }
        ReferenceParam ref = subject != null ? subject : patient;
        return List.copyOf(engine.store().current(type.getSimpleName(),
                r -> (identifier == null || InMemoryFhirServer.Engine.hasIdentifier(r, identifier.getSystem(),
                        identifier.getValue()))
                        && (ref == null || InMemoryFhirServer.Engine.refersTo(engine.context(), r,
                                ref.getResourceType() == null ? "Patient/" + ref.getIdPart()
                                        : ref.getResourceType() + "/" + ref.getIdPart()))));
    }
}
