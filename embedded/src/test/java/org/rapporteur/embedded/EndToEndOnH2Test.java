package org.rapporteur.embedded;

import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EndToEndOnH2Test extends WalkingSkeletonTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }
}
