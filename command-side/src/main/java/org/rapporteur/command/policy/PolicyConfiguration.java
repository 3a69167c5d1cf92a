package org.rapporteur.command.policy;

import org.rapporteur.command.report.ApprovalPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
