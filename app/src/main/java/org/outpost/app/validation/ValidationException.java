package org.outpost.app.validation;

import java.util.List;

/** Input was refused; nothing was saved. Carries every violation found, field by field. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.size() + (violations.size() == 1 ? " input problem: " : " input problems: ") + violations.stream().map(Violation::key).toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
