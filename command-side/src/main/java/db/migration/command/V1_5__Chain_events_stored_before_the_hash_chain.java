package db.migration.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;

/**
 * Chains the events stored before the hash chain existed (ADR 0008), report by report in position
 * order, exactly as the storage engine chains a new event. It says so in the record: each event it
 * chained carries {@code hashChainedBy: "V1_5"} in its metadata beside its link, which the
 * verification answer reports, and each report it chained gets an {@code admin_action} row
 * {@code CHAIN_MIGRATION} naming the positions. Java, not SQL: the hash is SHA-256 over RFC 8785
 * canonical JSON, which neither database computes. Runs on H2 and PostgreSQL alike.
 */
public class V1_5__Chain_events_stored_before_the_hash_chain extends BaseJavaMigration {

  static final String MARKER = "V1_5";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement("SELECT aggregateIdentifier, " + StoredEvent.COLUMNS
            + " FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber");
        PreparedStatement update = connection.prepareStatement("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?");
        PreparedStatement record = connection.prepareStatement(
            "INSERT INTO admin_action (action, aggregateIdentifier, actorUser, outcome, actedAt) VALUES (?, ?, ?, ?, ?)")) {
      select.setFetchSize(500);
      String report = null;
      String previous = HashChain.GENESIS;
      long first = 0;
      long last = 0;
      long pending = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String aggregate = rows.getString(1);
          StoredEvent event = StoredEvent.read(rows, 2);
          if (!aggregate.equals(report)) {
            recorded(record, report, first, last);
            report = aggregate;
            previous = HashChain.GENESIS;
            first = 0;
            last = 0;
          }
          if (event.storedHash() != null) {
            previous = event.storedHash();
            continue;
          }
          String hash = event.recompute(previous);
          ObjectNode metaData = event.metaDataTree();
          metaData.put(StoredEvent.PREVIOUS_HASH, previous);
          metaData.put(StoredEvent.HASH, hash);
          metaData.put(StoredEvent.CHAINED_BY, MARKER);
          update.setBytes(1, ReportEventJson.mapper().writeValueAsBytes(metaData));
          update.setLong(2, event.globalIndex());
          update.addBatch();
          if (++pending % 500 == 0) {
            update.executeBatch();
          }
          previous = hash;
          first = first == 0 ? event.position() : first;
          last = event.position();
        }
      }
      recorded(record, report, first, last);
      update.executeBatch();
      record.executeBatch();
    }
  }

  private static void recorded(PreparedStatement record, String report, long first, long last) throws Exception {
    if (report == null || first == 0) {
      return;
    }
    record.setString(1, "CHAIN_MIGRATION");
    record.setString(2, report);
    record.setString(3, "flyway " + MARKER);
    record.setString(4, "hash chain computed for positions " + first + ".." + last + ", stored before the chain existed");
    record.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
    record.addBatch();
  }
}
