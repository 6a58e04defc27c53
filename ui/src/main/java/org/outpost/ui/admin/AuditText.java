package org.outpost.ui.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Role;
import org.outpost.ui.text.UiText;

/**
 * An audit row in words for people: the action ("Signed in", "Overrode a model suggestion"), the user by name, the
 * patient by MRN (and name when the reader may see it), and the stored detail with its ids replaced by what they
 * name: a LOINC code by the measure, a user name by the person, an order's UUID by a short reference. The stored
 * row itself is never changed; exports carry it as well, for matching with {@code verify-audit}.
 */
public final class AuditText {
    /** A UUID anywhere in a detail (orders); shown as a short reference instead. */
    static final Pattern UUID_TEXT = Pattern.compile(
            "\\b([0-9a-fA-F]{8})-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z]+)=(.*)", Pattern.DOTALL);
    private static final Pattern ACCOUNT = Pattern.compile("([a-z0-9._-]+)(?: as ([a-z]+))?");

    private final UiText text;
    private final Map<String, String> displayNames;

    /**
     * @param displayNames the display name of each account by user name, for user names inside details
     */
    public AuditText(UiText text, Map<String, String> displayNames) {
        this.text = Objects.requireNonNull(text);
        this.displayNames = Map.copyOf(displayNames);
    }

    /** The action in words; a decision on a model result says which decision it was. */
    public String action(AuditRow row) {
        AuditAction action = row.event().action();
        if (action == AuditAction.RISK_DECISION_RECORDED) {
            String kind = pairs(row.event().detail()).getOrDefault("kind", "");
            switch (kind) {
                case "ACKNOWLEDGED" -> {
                    return text.get("admin.audit.decision.acknowledged");
                }
                case "ACCEPTED_INTO_PLAN" -> {
                    return text.get("admin.audit.decision.accepted");
                }
                case "OVERRIDDEN" -> {
                    return text.get("admin.audit.decision.overridden");
                }
                default -> {
                    // an older or unknown kind: the general words below
                }
            }
        }
        return action(action);
    }

    /** The action's label, for the filter's choices. */
    public String action(AuditAction action) {
        return text.get(switch (action) {
            case DATABASE_CREATED -> "admin.audit.action.databaseCreated";
            case LOGIN_OK -> "admin.audit.action.loginOk";
            case LOGIN_FAILED -> "admin.audit.action.loginFailed";
            case LOGOUT -> "admin.audit.action.logout";
            case LOCKED -> "admin.audit.action.locked";
            case CHART_OPENED -> "admin.audit.action.chartOpened";
            case PATIENT_SEARCHED -> "admin.audit.action.patientSearched";
            case PATIENT_CREATED -> "admin.audit.action.patientCreated";
            case PATIENT_UPDATED -> "admin.audit.action.patientUpdated";
            case OBSERVATION_RECORDED -> "admin.audit.action.observationRecorded";
            case MEDICATION_RECORDED -> "admin.audit.action.medicationRecorded";
            case GENOTYPE_RECORDED -> "admin.audit.action.genotypeRecorded";
            case ENCOUNTER_RECORDED -> "admin.audit.action.encounterRecorded";
            case USER_ADDED -> "admin.audit.action.userAdded";
            case USER_DISABLED -> "admin.audit.action.userDisabled";
            case USER_ENABLED -> "admin.audit.action.userEnabled";
            case PASSWORD_CHANGED -> "admin.audit.action.passwordChanged";
            case PASSWORD_RESET -> "admin.audit.action.passwordReset";
            case BACKUP_CREATED -> "admin.audit.action.backupCreated";
            case DATABASE_RESTORED -> "admin.audit.action.databaseRestored";
            case DEMO_DATA_CREATED -> "admin.audit.action.demoDataCreated";
            case AUDIT_VERIFIED -> "admin.audit.action.auditVerified";
            case PATIENTS_LISTED -> "admin.audit.action.patientsListed";
            case USERS_LISTED -> "admin.audit.action.usersListed";
            case RISK_DECISION_RECORDED -> "admin.audit.action.riskDecisionRecorded";
            case ORDER_PLACED -> "admin.audit.action.orderPlaced";
            case ORDER_REVIEWED -> "admin.audit.action.orderReviewed";
            case AUDIT_ANCHORED -> "admin.audit.action.auditAnchored";
            case RESTORE_REFUSED -> "admin.audit.action.restoreRefused";
            case FAILED_LOGINS_MOVED -> "admin.audit.action.failedLoginsMoved";
            case KEY_ROTATED -> "admin.audit.action.keyRotated";
            case INTEGRITY_VERIFIED -> "admin.audit.action.integrityVerified";
            case ROWS_SEALED -> "admin.audit.action.rowsSealed";
            case CONSENT_RECORDED -> "admin.audit.action.consentRecorded";
            case CONSENT_WITHDRAWN -> "admin.audit.action.consentWithdrawn";
            case SYNC_CONFIGURED -> "admin.audit.action.syncConfigured";
            case SITE_SECRET_ROTATED -> "admin.audit.action.siteSecretRotated";
            case SYNC_RUN -> "admin.audit.action.syncRun";
            case SENT_SUMMARY_VIEWED -> "admin.audit.action.sentSummaryViewed";
            case AUDIT_EXPORTED -> "admin.audit.action.auditExported";
            case PROBLEM_RECORDED -> "admin.audit.action.problemRecorded";
            case PROBLEM_STATUS_CHANGED -> "admin.audit.action.problemStatusChanged";
            case PROBLEM_LIST_REVIEWED -> "admin.audit.action.problemListReviewed";
            case SMOKING_STATUS_RECORDED -> "admin.audit.action.smokingRecorded";
            case RESULT_UNIT_CHANGED -> "admin.audit.action.resultUnitChanged";
            case MONITORING_IMPORTED -> "admin.audit.action.monitoringImported";
            case MONITORING_FLAG_CONFIRMED -> "admin.audit.action.monitoringFlagConfirmed";
            case MONITORING_FLAG_DISMISSED -> "admin.audit.action.monitoringFlagDismissed";
        });
    }

    /** "Kim Park (nurse.kim)", or the bare user name when no account has it. */
    public String user(AuditRow row) {
        String username = row.event().username();
        return row.userDisplayName().filter(d -> !d.equals(username))
                .map(d -> text.get("admin.audit.userNamed", d, username)).orElse(username);
    }

    /** The account's role in words, or empty when there is no such account. */
    public String role(AuditRow row) {
        return row.userRole().map(text::role).orElse("");
    }

    /**
     * "Okafor, Ngozi (MRN OK-0002)" when the reader may see names, "MRN OK-0002" when not, "not on this machine"
     * for a patient whose record is not here, empty for a row about no patient.
     */
    public String patient(AuditRow row) {
        if (row.event().patient().isEmpty()) {
            return "";
        }
        if (row.patientMrn().isEmpty()) {
            return text.get("admin.audit.patientMissing");
        }
        String mrn = row.patientMrn().get().value();
        return row.patientName().map(n -> text.get("admin.audit.patientNamed", n, mrn))
                .orElseGet(() -> text.get("admin.audit.patientMrn", mrn));
    }

    /** The stored detail in words: known keys named, ids replaced, unknown text kept as it is. */
    public String detail(AuditRow row) {
        String detail = row.event().detail();
        if (detail.isEmpty()) {
            return "";
        }
        AuditAction action = row.event().action();
        if (action == AuditAction.OBSERVATION_RECORDED) {
            Optional<Measure> measure = Measure.byLoinc(detail.strip());
            if (measure.isPresent()) {
                return text.get("admin.audit.detail.measure", text.measure(measure.get()), detail.strip());
            }
        }
        if (detail.startsWith("user=")) {
            Matcher account = ACCOUNT.matcher(detail.substring("user=".length()));
            if (account.matches()) {
                String who = person(account.group(1));
                return account.group(2) == null ? text.get("admin.audit.detail.account", who)
                        : text.get("admin.audit.detail.accountAs", who, roleWord(account.group(2)));
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.split(";")) {
            Matcher pair = PAIR.matcher(part.strip());
            parts.add(pair.matches() ? pair(pair.group(1), pair.group(2)) : part.strip());
        }
        return shortIds(String.join(", ", parts));
    }

    private String pair(String key, String value) {
        return switch (key) {
            case "order" -> text.get("admin.audit.detail.order", shortIds(value));
            case "model" -> text.get("admin.audit.detail.model", value);
            case "version" -> text.get("admin.audit.detail.version", value);
            case "kind" -> text.get("admin.audit.detail.kind", value.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            case "alerts" -> text.get("admin.audit.detail.alerts", value);
            case "rows" -> text.get("admin.audit.detail.rows", value);
            case "filter" -> text.get("admin.audit.detail.filter", value);
            default -> key + ": " + value;
        };
    }

    private String person(String username) {
        String name = displayNames.get(username);
        return name == null || name.equals(username) ? username : text.get("admin.audit.userNamed", name, username);
    }

    private String roleWord(String code) {
        try {
            return text.role(Role.fromCode(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** Replaces every UUID with "#" and its first eight digits, enough to tell orders apart on a screen. */
    static String shortIds(String s) {
        return UUID_TEXT.matcher(s).replaceAll("#$1");
    }

    private static Map<String, String> pairs(String detail) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : detail.split(";")) {
            Matcher pair = PAIR.matcher(part.strip());
            if (pair.matches()) {
                out.put(pair.group(1), pair.group(2));
            }
        }
        return out;
    }
}
