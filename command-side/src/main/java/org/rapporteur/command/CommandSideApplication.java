package org.rapporteur.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.rapporteur.identity.IdentityConfiguration;

/** The command side on its own, as docker-compose runs it. */
@SpringBootApplication
@Import(IdentityConfiguration.class)
public class CommandSideApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CommandSideApplication.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "command-side"));
    application.run(args);
  }
}
