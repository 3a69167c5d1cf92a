package org.rapporteur.command.report;

import java.util.Set;
import java.util.TreeSet;

/**
 * The entity codes a report may take as members, from the deployment's configuration
 * ({@code rapporteur.entities}). Handed to the aggregate as a handler parameter, like {@link
 * ApprovalPolicy}, so that the domain reads no configuration.
 */
public record EntityRegistry(Set<String> codes) {

  public EntityRegistry {
    codes = Set.copyOf(codes);
  }

  void requireKnown(String field, String entity) {
    ReportPolicies.requireTitle(field, entity);
    if (!codes.contains(entity)) {
      throw new InvalidCommandException(
          "unknown-entity",
          field,
          "'" + entity + "' is not an entity code of the registry (rapporteur.entities); known codes: "
              + String.join(", ", new TreeSet<>(codes)));
    }
  }
}
