package org.rapporteur.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapporteur.command.report.ApprovalPolicy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PolicyConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(PolicyConfiguration.class);

  @Test
  void segregationOfDutiesIsOnByDefault() {
    context.run(c -> assertThat(c.getBean(ApprovalPolicy.class).segregationOfDuties()).isTrue());
  }

  @Test
  void segregationOfDutiesCanBeTurnedOff() {
    context
        .withPropertyValues("rapporteur.approval.segregation-of-duties=false")
        .run(c -> assertThat(c.getBean(ApprovalPolicy.class).segregationOfDuties()).isFalse());
  }
}
