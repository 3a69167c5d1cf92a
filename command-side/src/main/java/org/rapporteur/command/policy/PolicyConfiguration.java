package org.rapporteur.command.policy;

import java.util.HashSet;
import java.util.List;
import org.rapporteur.command.report.ApprovalPolicy;
import org.rapporteur.command.report.EntityRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The deployment's choices among the report's rules, handed to the aggregate as handler
 * parameters so that the domain reads no configuration.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

  /** {@code rapporteur.approval.segregation-of-duties}: on unless a deployment turns it off. */
  @Bean
  ApprovalPolicy approvalPolicy(@Value("${rapporteur.approval.segregation-of-duties:true}") boolean segregationOfDuties) {
    return new ApprovalPolicy(segregationOfDuties);
  }

  /**
   * {@code rapporteur.entities}: the entity codes reports may take as members, a YAML list or a
   * comma-separated value ({@code RAPPORTEUR_ENTITIES=ITU,WMO}); none when unset.
   */
  @Bean
  EntityRegistry entityRegistry(Environment environment) {
    List<String> codes =
        Binder.get(environment).bind("rapporteur.entities", Bindable.listOf(String.class)).orElse(List.of());
    return new EntityRegistry(new HashSet<>(codes.stream().map(String::trim).filter(code -> !code.isEmpty()).toList()));
  }
}
