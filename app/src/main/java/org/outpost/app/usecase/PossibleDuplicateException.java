package org.outpost.app.usecase;

import java.util.List;

/** Registration stopped because existing patients look like the same person; the user must look first. */
public class PossibleDuplicateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<DuplicateCandidate> candidates;

    public PossibleDuplicateException(List<DuplicateCandidate> candidates) {
        super(candidates.size() + (candidates.size() == 1 ? " possible duplicate found" : " possible duplicates found"));
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
