package org.outpost.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.domain.Unit;
import org.outpost.app.risk.Cha2ds2Vasc;
import org.outpost.app.risk.HasBled;
import org.outpost.app.risk.PooledCohortEquations;
import org.outpost.app.risk.Qrisk3;

/**
 * Issue 14 items 1 and 2: the models take diagnoses from the problem list, smoking from the smoking history and
 * medicines by class (ATC table), each with its source, instead of asking the clinician again.
 */
class ChartHistoryInputsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final PatientId ID = PatientId.random();
    private static final InputResolver RESOLVER = BundledModels.resolver(ZoneOffset.UTC);
    private static final Recorded BY = new Recorded("dr.osei", Instant.parse("2026-01-10T10:00:00Z"));
    private static final Patient MAN_72 = new Patient(ID, new Mrn("T-1"), "Test", "Person", Sex.MALE,
            LocalDate.of(1953, 6, 1), "", "", null, null);

    private static Condition problem(CodeSystem system, String code, String term, ConditionStatus status) {
        return new Condition(UUID.randomUUID(), ID, new ConditionCode(system, code, term), Optional.empty(), status,
                Optional.empty(), BY);
    }

    private static Medication med(String name, String route) {
        return new Medication(UUID.randomUUID(), ID, name, Optional.empty(), "", route, "", LocalDate.of(2024, 1, 1),
                Optional.empty());
    }

    private static Chart chart(List<Condition> problems, boolean reviewed, List<Medication> meds,
                               List<SmokingRecord> smoking, List<Observation> obs) {
        return new Chart(MAN_72, obs, meds, List.of(), List.of(),
                new ProblemList(problems, reviewed ? Optional.of(BY) : Optional.empty()), smoking);
    }

    private static SmokingRecord smoking(SmokingStatus status, Integer perDay) {
        return new SmokingRecord(UUID.randomUUID(), ID, status, perDay == null ? OptionalInt.empty() : OptionalInt.of(perDay),
                LocalDate.of(2026, 2, 1), BY);
    }

    @Test
    void hasBledSeesAspirinAndClopidogrelWrittenAsBrandsAndAPastStroke() {
        // the report: "antiplatelet: not in chart" for a patient on aspirin and clopidogrel
        Chart c = chart(List.of(problem(CodeSystem.ICD_10, "I48.0", "Paroxysmal atrial fibrillation", ConditionStatus.ACTIVE),
                        problem(CodeSystem.SNOMED_CT, "230690007", "Stroke", ConditionStatus.RESOLVED)), true,
                List.of(med("Plavix 75 mg tablet", "oral"), med("Aspirin 81 mg", "oral")), List.of(),
                List.of(new Observation(UUID.randomUUID(), ID, Measure.SYSTOLIC_BP, Quantity.of(150, Unit.MM_HG),
                        Instant.parse("2026-02-20T09:00:00Z"), "nurse")));

        ResolvedInputs r = RESOLVER.resolve(new HasBled(), c, TODAY);

        assertThat(r.inputs().flag("antiplateletOrNsaid")).contains(true);
        assertThat(r.source("antiplateletOrNsaid")).contains(new InputSource.FromMedications(
                List.of("Plavix 75 mg tablet", "Aspirin 81 mg")));
        assertThat(r.inputs().flag("stroke")).contains(true); // a history: resolved still counts
        assertThat(r.source("stroke")).contains(new InputSource.FromProblemList(List.of("Stroke"), Optional.empty()));
        assertThat(r.inputs().flag("bleedingHistory")).contains(false); // reviewed list without it
        assertThat(r.inputs().flag("abnormalRenalFunction")).contains(false);
        assertThat(r.inputs().flag("abnormalLiverFunction")).contains(false);
        // labile INR and alcohol are not in the record: the clinician answers them
        assertThat(r.unresolved()).containsExactlyInAnyOrder("uncontrolledHypertension", "labileInr", "alcoholExcess");

        // HAS-BLED (Pisters R et al., Chest 2010;138:1093-1100, Table 2): stroke 1 + elderly (> 65) 1 + drugs
        // (antiplatelet) 1 = 3; SBP 150 is not above 160, so no H point
        Evaluation e = new HasBled().evaluate(r.inputs().with("labileInr", false).with("alcoholExcess", false));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(3.0);
    }

    @Test
    void cha2ds2VascIsAnsweredFromTheProblemListOnceItIsReviewed() {
        List<Condition> list = List.of(
                problem(CodeSystem.SNOMED_CT, "49436004", "Atrial fibrillation", ConditionStatus.ACTIVE),
                problem(CodeSystem.ICD_10, "I10", "Essential (primary) hypertension", ConditionStatus.ACTIVE),
                problem(CodeSystem.ICD_10, "I50.9", "Heart failure, unspecified", ConditionStatus.ACTIVE),
                problem(CodeSystem.SNOMED_CT, "44054006", "Diabetes mellitus type 2", ConditionStatus.ACTIVE),
                problem(CodeSystem.SNOMED_CT, "399211009", "History of myocardial infarction", ConditionStatus.RESOLVED));

        ResolvedInputs notReviewed = RESOLVER.resolve(new Cha2ds2Vasc(), chart(list, false, List.of(), List.of(), List.of()), TODAY);
        assertThat(notReviewed.unresolved()).containsExactlyInAnyOrder("valvularAf", "strokeTiaThromboembolism"); // absence is not "no" until reviewed
        assertThat(notReviewed.inputs().flag("heartFailure")).contains(true); // ICD-10 I50.9 under the listed I50

        ResolvedInputs reviewed = RESOLVER.resolve(new Cha2ds2Vasc(), chart(list, true, List.of(), List.of(), List.of()), TODAY);
        assertThat(reviewed.unresolved()).isEmpty();
        assertThat(reviewed.source("valvularAf")).contains(new InputSource.FromProblemList(List.of(), Optional.of(BY.at())));
        // CHA2DS2-VASc (Lip GYH et al., Chest 2010;137:263-272, Table 2): C 1 + H 1 + A (65-74) 1 + D 1 + V 1 = 5
        Evaluation e = new Cha2ds2Vasc().evaluate(reviewed.inputs());
        assertThat(e.value()).hasValue(5.0);
    }

    @Test
    void anInactiveOrResolvedChronicProblemDoesNotCountButAHistoryDoes() {
        List<Condition> list = List.of(
                problem(CodeSystem.ICD_10, "I10", "Essential (primary) hypertension", ConditionStatus.RESOLVED),
                problem(CodeSystem.ICD_10, "G45.9", "Transient cerebral ischaemic attack, unspecified", ConditionStatus.INACTIVE));
        ResolvedInputs r = RESOLVER.resolve(new Cha2ds2Vasc(), chart(list, true, List.of(), List.of(), List.of()), TODAY);
        assertThat(r.inputs().flag("hypertension")).contains(false);
        assertThat(r.inputs().flag("strokeTiaThromboembolism")).contains(true);
    }

    @Test
    void qrisk3GradesSmokingByAmountAndTakesTheDiabetesTypeFromTheList() {
        Qrisk3 qrisk = new Qrisk3();
        Chart moderate = chart(List.of(problem(CodeSystem.ICD_10, "E11.9", "Type 2 diabetes mellitus without complications",
                ConditionStatus.ACTIVE)), false, List.of(), List.of(smoking(SmokingStatus.CURRENT, 15)), List.of());
        ResolvedInputs r = RESOLVER.resolve(qrisk, moderate, TODAY);
        assertThat(r.inputs().choice("smoking")).contains("moderate"); // QRISK3: moderate = 10-19 a day
        assertThat(r.source("smoking")).contains(new InputSource.FromSmokingHistory(SmokingStatus.CURRENT,
                LocalDate.of(2026, 2, 1)));
        assertThat(r.inputs().choice("diabetes")).contains("type2");

        assertThat(RESOLVER.resolve(qrisk, chart(List.of(), false, List.of(), List.of(smoking(SmokingStatus.CURRENT, 25)),
                List.of()), TODAY).inputs().choice("smoking")).contains("heavy");
        assertThat(RESOLVER.resolve(qrisk, chart(List.of(), false, List.of(), List.of(smoking(SmokingStatus.FORMER, null)),
                List.of()), TODAY).inputs().choice("smoking")).contains("ex");
        // a current smoker whose amount nobody asked: QRISK3 needs it, so it is asked, never guessed
        assertThat(RESOLVER.resolve(qrisk, chart(List.of(), false, List.of(), List.of(smoking(SmokingStatus.CURRENT, null)),
                List.of()), TODAY).unresolved()).contains("smoking");
        // PCE's flag needs no amount
        assertThat(RESOLVER.resolve(new PooledCohortEquations(), chart(List.of(), false, List.of(),
                List.of(smoking(SmokingStatus.CURRENT, null)), List.of()), TODAY).inputs().flag("smoker")).contains(true);
    }

    @Test
    void diabetesIsNoneOnlyOnAReviewedListWithoutEvidence() {
        Qrisk3 qrisk = new Qrisk3();
        assertThat(RESOLVER.resolve(qrisk, chart(List.of(), false, List.of(), List.of(), List.of()), TODAY).unresolved())
                .contains("diabetes");
        assertThat(RESOLVER.resolve(qrisk, chart(List.of(), true, List.of(), List.of(), List.of()), TODAY)
                .inputs().choice("diabetes")).contains("none");
        // a reviewed list without diabetes, but metformin in the medicines: diabetes of unknown type, asked
        ResolvedInputs onMetformin = RESOLVER.resolve(qrisk, chart(List.of(), true, List.of(med("Glucophage 500 mg", "oral")),
                List.of(), List.of()), TODAY);
        assertThat(onMetformin.unresolved()).contains("diabetes");
        assertThat(RESOLVER.resolve(new PooledCohortEquations(), chart(List.of(), true,
                List.of(med("Glucophage 500 mg", "oral")), List.of(), List.of()), TODAY).inputs().flag("diabetes")).contains(true);
    }

    @Test
    void steroidTabletsCountOnlyByMouthAndAntipsychoticsByClass() {
        Qrisk3 qrisk = new Qrisk3();
        ResolvedInputs cream = RESOLVER.resolve(qrisk, chart(List.of(), true,
                List.of(med("Hydrocortisone 1% cream", "topical"), med("Quetiapine 25 mg", "oral")), List.of(), List.of()), TODAY);
        assertThat(cream.inputs().flag("steroidTablets")).contains(false);
        assertThat(cream.inputs().flag("atypicalAntipsychotic")).contains(true);
        ResolvedInputs tablets = RESOLVER.resolve(qrisk, chart(List.of(), true, List.of(med("Prednisolone 5 mg", "oral")),
                List.of(), List.of()), TODAY);
        assertThat(tablets.inputs().flag("steroidTablets")).contains(true);
    }

    @Test
    void aCodeTheCatalogueDoesNotMapIsKeptButAnswersNothing() {
        Chart c = chart(List.of(problem(CodeSystem.SNOMED_CT, "195967001", "Asthma", ConditionStatus.ACTIVE)), false,
                List.of(), List.of(), List.of());
        ResolvedInputs r = RESOLVER.resolve(new Cha2ds2Vasc(), c, TODAY);
        assertThat(r.unresolved()).contains("heartFailure", "hypertension", "atrialFibrillation");
    }
}
