package org.rapporteur.embedded.integrity;

import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class HashChainOnH2Test extends HashChainTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }
}
