package org.rapporteur.query;

import org.rapporteur.identity.IdentityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The query side on its own, as docker-compose runs it. */
@SpringBootApplication
@Import(IdentityConfiguration.class)
public class QuerySideApplication {

  public static void main(String[] args) {
    SpringApplication.run(QuerySideApplication.class, args);
  }
}
