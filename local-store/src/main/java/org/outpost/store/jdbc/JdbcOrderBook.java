package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.port.OrderBook;
import org.outpost.app.port.StoreException;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.AnsweredAlert;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.OrderReview;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.prescribing.ReviewAction;

/**
 * Medication orders ({@code medication_orders}), their alerts ({@code order_alerts}, by position) and
 * pharmacist reviews ({@code order_reviews}). "Oldest" and "newest" are by insertion order ({@code seq}),
 * which with one writer is the order the orders were placed in. A suggested or new dose is three
 * nullable columns, all set or all NULL. A list of orders is read with two queries (orders, then all their
 * alerts), not one per order.
 */
public final class JdbcOrderBook implements OrderBook {
    /** Every column of the row and its MAC, so reads can check it. */
    private static final String ORDER_COLUMNS = SealedTable.MEDICATION_ORDERS.select("o");
    private static final String ALERT_COLUMNS = SealedTable.ORDER_ALERTS.select("a");
    private static final String SEALED_REVIEW_COLUMNS = SealedTable.ORDER_REVIEWS.select("");
    private static final String REVIEW_ALERT_COLUMNS = SealedTable.ORDER_REVIEW_ALERTS.select("a");
    private static final String REVIEW_COLUMNS = "order_id, action, new_amount, new_unit, new_frequency, reason, "
            + "pharmacist, reviewed_at, model_versions";

    private final Tx tx;

    public JdbcOrderBook(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(MedicationOrder order) {
        Objects.requireNonNull(order, "order");
        tx.requireWritable();
        Jdbc.runChanging(tx, "save the order", order.patient().value(), c -> {
            OrderDraft d = order.draft();
            Jdbc.update(c, "INSERT INTO medication_orders (id, patient_id, medication_id, drug, amount, unit, frequency, "
                    + "route, ordered_by, ordered_at, status, indication) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, order.id());
                ps.setObject(2, order.patient().value());
                ps.setObject(3, order.medicationId());
                ps.setString(4, d.drug());
                ps.setDouble(5, d.amount());
                ps.setString(6, d.unit());
                ps.setString(7, d.frequency());
                ps.setString(8, d.route());
                ps.setString(9, order.orderedBy());
                ps.setObject(10, order.orderedAt());
                ps.setString(11, order.status().name());
                ps.setString(12, d.indication().isEmpty() ? null : d.indication());
            });
            insertAlerts(c, order);
            tx.seal().reseal(c, SealedTable.MEDICATION_ORDERS, "id = ?", order.id());
            tx.seal().reseal(c, SealedTable.ORDER_ALERTS, "order_id = ?", order.id());
            return null;
        });
    }

    private static void insertAlerts(Connection c, MedicationOrder order) throws SQLException {
        insertAlerts(c, "INSERT INTO order_alerts (order_id, position, patient_id, ", "", order.alerts(), ps -> {
            ps.setObject(1, order.id());
            ps.setObject(3, order.patient().value());
        });
    }

    /**
     * Inserts alerts into {@code order_alerts} or {@code order_review_alerts}: {@code keyColumns} names the
     * first three columns (the key, the position, the patient), {@code extraColumn} one more (or empty), and
     * {@code bindKey} binds parameters 1 and 3 (and 18 for the extra column); the position is parameter 2.
     */
    private static void insertAlerts(Connection c, String keyColumns, String extraColumn, List<OrderAlert> alerts,
                                     Jdbc.Binder bindKey) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(keyColumns
                + "model_id, model_version, model_title, severity, headline, text, strength, suggested_amount, "
                + "suggested_unit, suggested_frequency, differs, fingerprint, response, reason" + extraColumn + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (extraColumn.isEmpty() ? "" : ", ?") + ")")) {
            int position = 0;
            for (OrderAlert a : alerts) {
                bindKey.bind(ps);
                ps.setInt(2, position++);
                ps.setString(4, a.modelId());
                ps.setString(5, a.modelVersion());
                ps.setString(6, a.modelTitle());
                ps.setString(7, a.severity().name());
                ps.setString(8, a.headline());
                ps.setString(9, a.text());
                ps.setString(10, a.strength());
                bindDose(ps, 11, a.suggested());
                ps.setBoolean(14, a.differs());
                ps.setString(15, a.fingerprint());
                ps.setString(16, a.response().name());
                ps.setString(17, a.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<MedicationOrder> find(UUID orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return Jdbc.run(tx, "read the order", c -> {
            Optional<MedicationOrder> order = Jdbc.queryOne(c,
                    "SELECT " + ORDER_COLUMNS + " FROM medication_orders o WHERE o.id = ?",
                    ps -> ps.setObject(1, orderId), this::mapOrder);
            if (order.isEmpty()) {
                return order;
            }
            Map<UUID, List<OrderAlert>> alerts = alerts(c,
                    "SELECT " + ALERT_COLUMNS + " FROM order_alerts a WHERE a.order_id = ? ORDER BY a.position",
                    ps -> ps.setObject(1, orderId));
            return Optional.of(withAlerts(order.get(), alerts));
        });
    }

    @Override
    public List<MedicationOrder> awaitingReview() {
        String status = OrderStatus.AWAITING_REVIEW.name();
        return Jdbc.run(tx, "read the review queue", c -> {
            List<MedicationOrder> orders = Jdbc.query(c,
                    "SELECT " + ORDER_COLUMNS + " FROM medication_orders o WHERE o.status = ? ORDER BY o.seq",
                    ps -> ps.setString(1, status), this::mapOrder);
            if (orders.isEmpty()) {
                return orders;
            }
            Map<UUID, List<OrderAlert>> alerts = alerts(c, "SELECT " + ALERT_COLUMNS + " FROM order_alerts a "
                            + "JOIN medication_orders o ON o.id = a.order_id WHERE o.status = ? "
                            + "ORDER BY a.order_id, a.position",
                    ps -> ps.setString(1, status));
            return orders.stream().map(o -> withAlerts(o, alerts)).toList();
        });
    }

    @Override
    public List<MedicationOrder> forPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return Jdbc.run(tx, "read orders", c -> {
            List<MedicationOrder> orders = Jdbc.query(c,
                    "SELECT " + ORDER_COLUMNS + " FROM medication_orders o WHERE o.patient_id = ? ORDER BY o.seq DESC",
                    ps -> ps.setObject(1, patient.value()), this::mapOrder);
            if (orders.isEmpty()) {
                return orders;
            }
            Map<UUID, List<OrderAlert>> alerts = alerts(c, "SELECT " + ALERT_COLUMNS + " FROM order_alerts a "
                            + "WHERE a.patient_id = ? ORDER BY a.order_id, a.position",
                    ps -> ps.setObject(1, patient.value()));
            return orders.stream().map(o -> withAlerts(o, alerts)).toList();
        });
    }

    /**
     * The newest {@code OVERRIDDEN} answer per fingerprint among the patient's orders (newest order first;
     * within one order the later alert), answered by the order's prescriber when the order was placed.
     */
    @Override
    public Map<String, AnsweredAlert> answeredAlerts(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        List<AnsweredAlert> answers = new ArrayList<>(Jdbc.run(tx, "read answered alerts", c -> Jdbc.query(c,
"SELECT " + ALERT_COLUMNS + ", o.ordered_by, o.ordered_at FROM order_alerts a "
                        + "JOIN medication_orders o ON o.id = a.order_id "
                        + "WHERE a.patient_id = ? AND a.response = ? ORDER BY o.seq DESC, a.position DESC",
                ps -> {
                    ps.setObject(1, patient.value());
                    ps.setString(2, AlertResponse.OVERRIDDEN.name());
                },
                rs -> {
                    tx.seal().check(SealedTable.ORDER_ALERTS, rs);
                    return new AnsweredAlert(rs.getString("fingerprint"), AlertResponse.OVERRIDDEN,
                            rs.getString("reason"), rs.getString("ordered_by"), Jdbc.instant(rs, "ordered_at"));
                })));
        // a pharmacist's answers to the check of a dose set at review count as well
        answers.addAll(Jdbc.run(tx, "read answered alerts", c -> Jdbc.query(c,
                "SELECT " + REVIEW_ALERT_COLUMNS + ", r.pharmacist, r.reviewed_at FROM order_review_alerts a "
                        + "JOIN order_reviews r ON r.seq = a.review_seq "
                        + "WHERE a.patient_id = ? AND a.response = ? ORDER BY a.review_seq DESC, a.position DESC",
                ps -> {
                    ps.setObject(1, patient.value());
                    ps.setString(2, AlertResponse.OVERRIDDEN.name());
                },
                rs -> {
                    tx.seal().check(SealedTable.ORDER_REVIEW_ALERTS, rs);
                    return new AnsweredAlert(rs.getString("fingerprint"), AlertResponse.OVERRIDDEN,
                            rs.getString("reason"), rs.getString("pharmacist"), Jdbc.instant(rs, "reviewed_at"));
                })));
        answers.sort(java.util.Comparator.comparing(AnsweredAlert::answeredAt).reversed()); // stable: ties keep the order above
        Map<String, AnsweredAlert> byFingerprint = new LinkedHashMap<>();
        for (AnsweredAlert a : answers) {
            byFingerprint.putIfAbsent(a.fingerprint(), a);
        }
        return Collections.unmodifiableMap(byFingerprint);
    }

    @Override
    public void recordReview(OrderReview review, OrderStatus newStatus) {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(newStatus, "newStatus");
        tx.requireWritable();
        Jdbc.run(tx, "record the review", c -> {
            int changed = Jdbc.updateSealed(c, tx.seal(), SealedTable.MEDICATION_ORDERS, review.orderId(),
                    "UPDATE medication_orders SET status = ? WHERE id = ?", ps -> {
                ps.setString(1, newStatus.name());
                ps.setObject(2, review.orderId());
            });
            if (changed == 0) {
                throw new StoreException("Could not record the review: the order does not exist");
            }
            JdbcOutbox.orderChanged(tx, c, review.orderId());
            Jdbc.update(c, "INSERT INTO order_reviews (" + REVIEW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setObject(1, review.orderId());
                        ps.setString(2, review.action().name());
                        bindDose(ps, 3, review.newDose());
                        ps.setString(6, review.reason());
                        ps.setString(7, review.pharmacist());
                        ps.setObject(8, review.reviewedAt());
                        ps.setString(9, review.modelVersions());
                    });
            tx.seal().reseal(c, SealedTable.ORDER_REVIEWS, "order_id = ? AND " + RowSeal.COLUMN + " IS NULL",
                    review.orderId());
            if (!review.alerts().isEmpty()) {
                long seq = Jdbc.queryOne(c, "SELECT MAX(seq) FROM order_reviews WHERE order_id = ?",
                        ps -> ps.setObject(1, review.orderId()), rs -> rs.getLong(1)).orElseThrow();
                UUID patient = Jdbc.queryOne(c, "SELECT patient_id FROM medication_orders WHERE id = ?",
                        ps -> ps.setObject(1, review.orderId()), rs -> Jdbc.uuid(rs, "patient_id")).orElseThrow();
                insertAlerts(c, "INSERT INTO order_review_alerts (review_seq, position, patient_id, ", ", order_id",
                        review.alerts(), ps -> {
                            ps.setLong(1, seq);
                            ps.setObject(3, patient);
                            ps.setObject(18, review.orderId());
                        });
                tx.seal().reseal(c, SealedTable.ORDER_REVIEW_ALERTS, "review_seq = ?", seq);
            }
            return null;
        });
    }

    @Override
    public List<OrderReview> reviews(UUID orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return Jdbc.run(tx, "read reviews", c -> {
            Map<Long, List<OrderAlert>> alerts = new HashMap<>();
            Jdbc.query(c, "SELECT " + REVIEW_ALERT_COLUMNS + " FROM order_review_alerts a WHERE a.order_id = ? "
                    + "ORDER BY a.review_seq, a.position", ps -> ps.setObject(1, orderId), rs -> alerts.computeIfAbsent(
                            rs.getLong("review_seq"), k -> new ArrayList<>()).add(mapAlert(rs, SealedTable.ORDER_REVIEW_ALERTS)));
            return Jdbc.query(c,
                    "SELECT " + SEALED_REVIEW_COLUMNS + " FROM order_reviews WHERE order_id = ? ORDER BY seq",
                    ps -> ps.setObject(1, orderId),
                    rs -> {
                        tx.seal().check(SealedTable.ORDER_REVIEWS, rs);
                        return new OrderReview(Jdbc.uuid(rs, "order_id"),
                                known(ReviewAction.class, rs.getString("action"), "An order review has an action"),
                                dose(rs, "new_amount", "new_unit", "new_frequency"), rs.getString("reason"),
                                rs.getString("pharmacist"), Jdbc.instant(rs, "reviewed_at"),
                                rs.getString("model_versions"), alerts.getOrDefault(rs.getLong("seq"), List.of()));
                    });
        });
    }

    /** Binds a dose to three parameters from {@code first}: amount, unit, frequency; NULLs when absent. */
    private static void bindDose(PreparedStatement ps, int first, Optional<SuggestedDose> dose) throws SQLException {
        if (dose.isPresent()) {
            ps.setDouble(first, dose.get().amount());
            ps.setString(first + 1, dose.get().unit());
            ps.setString(first + 2, dose.get().frequency());
        } else {
            ps.setNull(first, Types.DOUBLE);
            ps.setNull(first + 1, Types.VARCHAR);
            ps.setNull(first + 2, Types.VARCHAR);
        }
    }

    private static Optional<SuggestedDose> dose(ResultSet rs, String amount, String unit, String frequency)
            throws SQLException {
        double a = rs.getDouble(amount);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new SuggestedDose(a, rs.getString(unit), rs.getString(frequency)));
    }

    private Map<UUID, List<OrderAlert>> alerts(Connection c, String sql, Jdbc.Binder binder)
            throws SQLException {
        Map<UUID, List<OrderAlert>> byOrder = new HashMap<>();
        Jdbc.query(c, sql, binder, rs -> byOrder.computeIfAbsent(Jdbc.uuid(rs, "order_id"), k -> new ArrayList<>())
                .add(mapAlert(rs)));
        return byOrder;
    }

    private static MedicationOrder withAlerts(MedicationOrder order, Map<UUID, List<OrderAlert>> alerts) {
        List<OrderAlert> mine = alerts.getOrDefault(order.id(), List.of());
        return new MedicationOrder(order.id(), order.patient(), order.medicationId(), order.draft(), order.orderedBy(),
                order.orderedAt(), order.status(), mine);
    }

    /** The order row, without its alerts. */
    private MedicationOrder mapOrder(ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.MEDICATION_ORDERS, rs);
        OrderDraft draft = new OrderDraft(rs.getString("drug"), rs.getDouble("amount"), rs.getString("unit"),
                rs.getString("frequency"), rs.getString("route"),
                rs.getString("indication") == null ? "" : rs.getString("indication"));
        return new MedicationOrder(Jdbc.uuid(rs, "id"), new PatientId(Jdbc.uuid(rs, "patient_id")),
                Jdbc.uuid(rs, "medication_id"), draft, rs.getString("ordered_by"), Jdbc.instant(rs, "ordered_at"),
                known(OrderStatus.class, rs.getString("status"), "An order has a status"), List.of());
    }

    private OrderAlert mapAlert(ResultSet rs) throws SQLException {
        return mapAlert(rs, SealedTable.ORDER_ALERTS);
    }

    private OrderAlert mapAlert(ResultSet rs, SealedTable table) throws SQLException {
        tx.seal().check(table, rs);
        return new OrderAlert(rs.getString("model_id"), rs.getString("model_version"), rs.getString("model_title"),
                known(Severity.class, rs.getString("severity"), "An order alert has a severity"),
                rs.getString("headline"), rs.getString("text"), rs.getString("strength"),
                dose(rs, "suggested_amount", "suggested_unit", "suggested_frequency"), rs.getBoolean("differs"),
                rs.getString("fingerprint"),
                known(AlertResponse.class, rs.getString("response"), "An order alert has a response"),
                rs.getString("reason"));
    }

    /** The constant named {@code name}, or a StoreException asking for a newer Outpost. */
    private static <E extends Enum<E>> E known(Class<E> type, String name, String what) {
        if (name == null) {
            throw new StoreException(what + " this version of Outpost does not know; update Outpost");
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StoreException(what + " this version of Outpost does not know; update Outpost");
        }
    }
}
