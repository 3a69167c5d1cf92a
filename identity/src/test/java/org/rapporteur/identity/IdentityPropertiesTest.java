package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityPropertiesTest {

  @Test
  void anUnknownModeIsRefusedRatherThanTakenForJwt() {
    assertThatThrownBy(() -> new IdentityProperties("dmeo", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'demo' or 'jwt'");
  }

  @Test
  void theEmbeddedDefaultIsDemoMode() {
    assertThat(new IdentityProperties(null, null, null, null, null, null).demo()).isTrue();
  }
}
