package org.opencsms.cms.transaction.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.opencsms.cms.transaction.entity.MeterReading;

/**
 * Stores meter values with one JDBC batch of MERGE statements, in the caller's transaction (the
 * connection is the one the persistence unit uses in that transaction): a sample not stored yet is
 * inserted; one stored before without a transaction is linked to the transaction now named; anything
 * else is left as it is, so a repeated report adds nothing. No read before the write: reading the
 * stored samples of a batch's charge points first cost the database more than the inserts. Meter
 * values are the bulk of what the CMS writes; the entity manager would add a clone and a change set
 * per row. Ids come from meter_value_seq in blocks of its increment (1000, migration V4), taken here
 * only: every meter value is stored through this class. Standard MERGE: H2 2 and PostgreSQL 15+.
 */
@ApplicationScoped
public class MeterValueInserts {
    /** The increment of meter_value_seq: one nextval owns this many ids. */
    static final int ID_BLOCK = 1000;
    private static final String MERGE = "merge into meter_value m using (values (cast(? as bigint), cast(? as bigint), "
            + "cast(? as integer), cast(? as integer), cast(? as timestamp with time zone), cast(? as varchar), "
            + "cast(? as varchar(50)), cast(? as varchar(8)), cast(? as varchar(20)), cast(? as varchar(30)), "
            + "cast(? as varchar(10)), cast(? as varchar(16)), cast(? as timestamp with time zone))) "
            + "as s (id, charge_point_id, connector_id, transaction_id, sampled_at, sample_value, measurand, phase, unit, "
            + "context, location, format, received_at) "
            + "on (m.charge_point_id = s.charge_point_id and m.connector_id = s.connector_id "
            + "and m.sampled_at = s.sampled_at and m.measurand = s.measurand and m.phase = s.phase "
            + "and m.location = s.location and m.context = s.context and m.format = s.format and m.unit = s.unit) "
            + "when matched and m.transaction_id is null and s.transaction_id is not null "
            + "then update set transaction_id = s.transaction_id "
            + "when not matched then insert (id, charge_point_id, connector_id, transaction_id, sampled_at, sample_value, "
            + "measurand, phase, unit, context, location, format, received_at) values (s.id, s.charge_point_id, "
            + "s.connector_id, s.transaction_id, s.sampled_at, s.sample_value, s.measurand, s.phase, s.unit, s.context, "
            + "s.location, s.format, s.received_at)";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private long nextId;
    private long blockEnd;

    public void store(List<MeterReading> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(MERGE)) {
            for (MeterReading m : rows) {
                insert.setLong(1, nextId(c));
                insert.setLong(2, m.getChargePointId());
                insert.setInt(3, m.getConnectorId());
                if (m.getTransaction() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, m.getTransaction().getId());
                }
                insert.setObject(5, m.getSampledAt());
                insert.setString(6, m.getValue());
                insert.setString(7, m.getMeasurand());
                insert.setString(8, m.getPhase() == null ? "" : m.getPhase());
                insert.setString(9, m.getUnit());
                insert.setString(10, m.getContext());
                insert.setString(11, m.getLocation());
                insert.setString(12, m.getFormat());
                insert.setObject(13, m.getReceivedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("storing " + rows.size() + " meter values failed: " + e.getMessage(), e);
        }
    }

    private synchronized long nextId(Connection c) throws SQLException {
        if (nextId >= blockEnd) {
            String sql = c.getMetaData().getDatabaseProductName().toUpperCase().contains("H2")
                    ? "select next value for meter_value_seq" : "select nextval('meter_value_seq')";
            try (PreparedStatement next = c.prepareStatement(sql); ResultSet rs = next.executeQuery()) {
                rs.next();
                nextId = rs.getLong(1);
                blockEnd = nextId + ID_BLOCK;
            }
        }
        return nextId++;
    }
}
