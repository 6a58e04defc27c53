package org.outpost.app.usecase;

import java.util.Objects;
import org.outpost.app.domain.Consent;

/**
 * A consent to sharing as chosen in the chart: given (with genotypes or not) or refused. Withdrawing has its own
 * call ({@link ConsentService#withdraw}), because it also drops what is waiting to be sent.
 *
 * @param answer    {@link Consent#GIVEN} or {@link Consent#REFUSED}
 * @param genotypes whether genotypes may go with the summaries (only with {@link Consent#GIVEN})
 */
public record ConsentDraft(Consent answer, boolean genotypes) {
    public ConsentDraft {
        Objects.requireNonNull(answer, "answer");
        if (answer != Consent.GIVEN && answer != Consent.REFUSED) {
            throw new IllegalArgumentException("Record a consent as given or refused; withdraw it with withdraw()");
        }
        if (genotypes && answer != Consent.GIVEN) {
            throw new IllegalArgumentException("Genotypes are shared only with summaries: consent must be given");
        }
    }

    /** Given, with genotypes if {@code genotypes}. */
    public static ConsentDraft given(boolean genotypes) {
        return new ConsentDraft(Consent.GIVEN, genotypes);
    }

    /** Refused. */
    public static ConsentDraft refused() {
        return new ConsentDraft(Consent.REFUSED, false);
    }
}
