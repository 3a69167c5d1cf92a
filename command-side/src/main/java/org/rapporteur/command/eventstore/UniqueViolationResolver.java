package org.rapporteur.command.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a second event for the same report and sequence by the SQL standard's state for a
 * unique violation (23505), which H2 and PostgreSQL both report; Axon then answers with its
 * concurrency exceptions (a duplicate report id, or a race between two command-side nodes).
 */
final class UniqueViolationResolver implements PersistenceExceptionResolver {

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
