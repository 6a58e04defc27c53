package org.outpost.app.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient's consent to sharing, part of the patient record (issue 12): whether de-identified summaries may
 * be sent when the workstation is connected, whether their pharmacogenomic results (genotypes) may go with them
 * — asked separately and off unless the patient said yes, because a genotype is a lasting, inherited fact about
 * the patient and their relatives — who recorded the answer and when, and, once taken back, who withdrew it and
 * when. No consent recorded means nothing leaves the machine.
 *
 * <p>A state without a recorder is possible only for answers written before these details were kept (the old
 * consent field): they are honoured, and shown as "recorded before details were kept".
 *
 * @param summaries the answer on de-identified summaries
 * @param genotypes whether genotypes go with the summaries; only ever true while {@code summaries} is
 *                  {@link Consent#GIVEN}
 * @param recorded  who recorded the answer and when ({@link Consent#GIVEN} or {@link Consent#REFUSED}; for
 *                  {@link Consent#WITHDRAWN}, who had recorded the consent that was withdrawn); empty when not
 *                  recorded, or recorded before details were kept
 * @param withdrawn who withdrew the consent and when; present exactly when {@code summaries} is
 *                  {@link Consent#WITHDRAWN}
 */
public record SharingConsent(Consent summaries, boolean genotypes, Optional<Recorded> recorded,
                             Optional<Recorded> withdrawn) {

    public SharingConsent {
        Objects.requireNonNull(summaries, "summaries");
        recorded = recorded == null ? Optional.empty() : recorded;
        withdrawn = withdrawn == null ? Optional.empty() : withdrawn;
        if (genotypes && summaries != Consent.GIVEN) {
            throw new IllegalArgumentException("Genotypes are shared only with summaries: consent must be given");
        }
        if (summaries == Consent.UNKNOWN && recorded.isPresent()) {
            throw new IllegalArgumentException("A consent that is not recorded has no recorder");
        }
        if ((summaries == Consent.WITHDRAWN) != withdrawn.isPresent()) {
            throw new IllegalArgumentException("Exactly a withdrawn consent says who withdrew it and when");
        }
    }

    /** Nothing recorded: nothing is shared. */
    public static SharingConsent notRecorded() {
        return new SharingConsent(Consent.UNKNOWN, false, Optional.empty(), Optional.empty());
    }

    /** Consent given to summaries, and to genotypes if {@code genotypes}, as {@code recorded} says. */
    public static SharingConsent given(boolean genotypes, Recorded recorded) {
        return new SharingConsent(Consent.GIVEN, genotypes, Optional.of(recorded), Optional.empty());
    }

    /** The patient said no, as {@code recorded} says. */
    public static SharingConsent refused(Recorded recorded) {
        return new SharingConsent(Consent.REFUSED, false, Optional.of(recorded), Optional.empty());
    }

    /**
     * An answer from before these details were kept (the old consent field, and the patient form's first answer
     * when it carries no recorder): {@code UNKNOWN}, {@code GIVEN} or {@code REFUSED} without who and when.
     */
    public static SharingConsent legacy(Consent state) {
        if (state == Consent.WITHDRAWN) {
            throw new IllegalArgumentException("A withdrawal always says who withdrew and when");
        }
        return new SharingConsent(state, false, Optional.empty(), Optional.empty());
    }

    /**
     * This consent withdrawn by {@code by}: nothing is shared from then on. Keeps who had recorded the consent.
     *
     * @throws IllegalStateException unless the consent is given
     */
    public SharingConsent withdraw(Recorded by) {
        Objects.requireNonNull(by, "by");
        if (summaries != Consent.GIVEN) {
            throw new IllegalStateException("Only a consent that was given can be withdrawn");
        }
        return new SharingConsent(Consent.WITHDRAWN, false, recorded, Optional.of(by));
    }

    /** Whether de-identified summaries of this patient may be sent. */
    public boolean sharesSummaries() {
        return summaries.allowsSharing();
    }

    /** Whether the patient's genotypes may go with the summaries (the site must allow it too). */
    public boolean sharesGenotypes() {
        return sharesSummaries() && genotypes;
    }

    /** When the consent was withdrawn, if it was. */
    public Optional<Instant> withdrawnAt() {
        return withdrawn.map(Recorded::at);
    }
}
