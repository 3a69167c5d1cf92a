package org.rapporteur.command.report;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.rapporteur.shared.report.ReportCommand;

/**
 * Routes every {@link ReportCommand} to the report it names. The shared commands carry no Axon
 * annotation (the contract stays free of framework types), so the target is read from {@link
 * ReportCommand#reportId()}; no expected version, since stale edits are caught per paragraph by
 * {@code baseRevision} rather than per report.
 */
public final class ReportCommandTargetResolver implements CommandTargetResolver {

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    if (!(command.getPayload() instanceof ReportCommand reportCommand)) {
      throw new IllegalArgumentException(
          "not a report command: " + command.getPayloadType().getName());
    }
    return new VersionedAggregateIdentifier(reportCommand.reportId().value(), null);
  }
}
