package org.outpost.sync.testserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;

/**
 * The versioned resource store behind {@link InMemoryFhirServer}, with the update semantics of the HAPI JPA
 * server that matter to sync: a PUT to a new client-assigned id creates version 1 (201), a PUT with changed
 * content creates the next version (200), and a PUT with unchanged content is a no-op that keeps the version
 * (200) — so a resend never shows up as a new version. Writes inside {@link #atomically} all happen or none do.
 */
final class MemoryStore {
    /** One version of a resource; {@code resource == null} marks a delete. */
    private record Version(long number, Resource resource) {
    }

    /** What a write did. */
    record Written(String type, String id, long version, boolean created) {
        String location() {
            return type + "/" + id + "/_history/" + version;
        }
    }

    private final FhirContext ctx;
    private Map<String, List<Version>> histories = new LinkedHashMap<>();
    private Deque<Runnable> undo; // the undo log of the transaction running, if any

    MemoryStore(FhirContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Runs {@code work} under the store lock; if it throws, every write it made is undone. Each write keeps how to
     * undo itself (not a copy of the store), so a transaction costs what it writes, not what the store holds.
     */
    synchronized <T> T atomically(Supplier<T> work) {
        Deque<Runnable> outer = undo;
        Deque<Runnable> mine = new ArrayDeque<>();
        undo = mine;
        try {
            T result = work.get();
            if (outer != null) {
                mine.descendingIterator().forEachRemaining(outer::push); // the enclosing one may still fail
            }
            return result;
        } catch (RuntimeException e) {
            while (!mine.isEmpty()) {
                mine.pop().run();
            }
            throw e;
        } finally {
            undo = outer;
        }
    }

    private void undoable(Runnable undoIt) {
        if (undo != null) {
            undo.push(undoIt);
        }
    }

    synchronized Written put(Resource resource) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("resource without id");
        }
        String key = type + "/" + id;
        boolean isNew = !histories.containsKey(key);
        List<Version> history = histories.computeIfAbsent(key, k -> new ArrayList<>());
        Version last = history.isEmpty() ? null : history.getLast();
        if (last != null && last.resource() != null && sameContent(last.resource(), resource)) {
            return new Written(type, id, last.number(), false);
        }
        long next = last == null ? 1 : last.number() + 1;
        Resource stored = resource.copy();
        stored.setId(new IdType(type, id, Long.toString(next)));
        stored.setMeta(new Meta().setVersionId(Long.toString(next)).setLastUpdatedElement(InstantType.now()));
        history.add(new Version(next, stored));
        undoable(isNew ? () -> histories.remove(key) : history::removeLast);
        return new Written(type, id, next, last == null || last.resource() == null);
    }

    /** PUT Type?criteria: update the one match, or create when there is none. */
    synchronized Written conditionalPut(Resource resource, Predicate<Resource> criteria) {
        List<Resource> matches = current(resource.fhirType(), criteria);
        if (matches.size() > 1) {
            throw new PreconditionFailedException("Conditional update matched " + matches.size() + " resources");
        }
        if (matches.size() == 1) {
            resource.setId(matches.getFirst().getIdElement().getIdPart());
        } else if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
            resource.setId(java.util.UUID.randomUUID().toString());
        }
        return put(resource);
    }

    synchronized boolean delete(String type, String id) {
        List<Version> history = histories.get(type + "/" + id);
        if (history == null || history.getLast().resource() == null) {
            return false;
        }
        history.add(new Version(history.getLast().number() + 1, null));
        undoable(history::removeLast);
        return true;
    }

    synchronized Resource read(String type, String id, Optional<Long> version) {
        List<Version> history = histories.get(type + "/" + id);
        if (history == null) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
        Version v = version.isEmpty() ? history.getLast()
                : history.stream().filter(h -> h.number() == version.get()).findFirst()
                        .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
        if (v.resource() == null) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
        return v.resource().copy();
    }

    synchronized boolean exists(String type, String id) {
        List<Version> history = histories.get(type + "/" + id);
        return history != null && history.getLast().resource() != null;
    }

    synchronized List<Resource> current(String type, Predicate<Resource> filter) {
        List<Resource> out = new ArrayList<>();
        histories.forEach((key, history) -> {
            Resource r = history.getLast().resource();
            if (key.startsWith(type + "/") && r != null && filter.test(r)) {
                out.add(r.copy());
            }
        });
        return out;
    }

    synchronized void clear() {
        histories = new LinkedHashMap<>();
    }

    private boolean sameContent(Resource a, Resource b) {
        IParser json = ctx.newJsonParser().setOmitResourceId(true);
        Resource ca = a.copy();
        Resource cb = b.copy();
        ca.setMeta(null);
        cb.setMeta(null);
        ca.setId((String) null); // the encoder would print the id's version as meta.versionId
        cb.setId((String) null);
        return json.encodeResourceToString(ca).equals(json.encodeResourceToString(cb));
    }
}
