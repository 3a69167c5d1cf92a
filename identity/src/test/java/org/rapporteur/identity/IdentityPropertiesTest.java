package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IdentityPropertiesTest {

  @Test
  void anUnknownModeIsRefusedRatherThanTakenForJwt() {
    assertThatThrownBy(() -> new IdentityProperties("dmeo", null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'demo' or 'jwt'");
  }

  @Test
  void anUnsetModeIsRefusedNamingTheValuesRatherThanFallingBackToDemoUsers() {
    assertThatThrownBy(() -> new IdentityProperties(null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rapporteur.identity.mode is not set")
        .hasMessageContaining("'jwt'")
        .hasMessageContaining("'demo'");
  }

  @Test
  void anApplicationWithoutAModeFailsAtStartWithTheMessage() {
    new ApplicationContextRunner()
        .withUserConfiguration(BindsIdentity.class)
        .run(context -> assertThat(context)
            .hasFailed()
            .getFailure()
            .rootCause()
            .hasMessageContaining("rapporteur.identity.mode is not set"));
  }

  @Test
  void demoModeIsTakenWhenSet() {
    new ApplicationContextRunner()
        .withUserConfiguration(BindsIdentity.class)
        .withPropertyValues("rapporteur.identity.mode=demo")
        .run(context -> assertThat(context.getBean(IdentityProperties.class).demo()).isTrue());
  }

  @Test
  void signInLimitsHaveDefaults() {
    IdentityProperties properties = new IdentityProperties("demo", null, null, null, null, null, null);
    assertThat(properties.signIn().maxFailuresPerUser()).isEqualTo(10);
    assertThat(properties.signIn().maxFailuresPerAddress()).isEqualTo(50);
    assertThat(properties.signIn().window()).isEqualTo(Duration.ofMinutes(15));
  }

  @EnableConfigurationProperties(IdentityProperties.class)
  static class BindsIdentity {}
}
