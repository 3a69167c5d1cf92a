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
    SpringApplication application = new SpringApplication(QuerySideApplication.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "query-side"));
    application.run(args);
  }
}
