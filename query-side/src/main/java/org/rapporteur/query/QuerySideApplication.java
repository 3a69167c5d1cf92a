package org.rapporteur.query;

import org.rapporteur.identity.IdentityConfiguration;
import org.rapporteur.web.WebApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The query side on its own, as docker-compose runs it. */
@SpringBootApplication
// The web application too: behind the front door its pages and sign-in are served by the query
// side, and both sides honour its sessions, kept in the database they share (docs/adr/0012).
@Import({IdentityConfiguration.class, WebApplication.class})
public class QuerySideApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(QuerySideApplication.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "query-side"));
    application.run(args);
  }
}
