package org.rapporteur.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.rapporteur.identity.IdentityConfiguration;
import org.rapporteur.web.WebApplication;

/** The command side on its own, as docker-compose runs it. */
@SpringBootApplication
// The web application too: behind the front door its pages and sign-in are served by the query
// side, and both sides honour its sessions, kept in the database they share (docs/adr/0012).
@Import({IdentityConfiguration.class, WebApplication.class})
public class CommandSideApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CommandSideApplication.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "command-side"));
    application.run(args);
  }
}
