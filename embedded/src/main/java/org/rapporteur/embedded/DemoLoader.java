package org.rapporteur.embedded;

import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rapporteur.command.report.StaleRevisionException;
import org.rapporteur.demo.CommandSender;
import org.rapporteur.demo.ScenarioReader;
import org.rapporteur.demo.ScenarioRunner;
import org.rapporteur.shared.report.IssuedCorrigendum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty store, rebuilds the reference report through the product's own
 * commands, as the people who would have issued them, so a new user's first report has a true
 * audit trail. {@code rapporteur.demo.enabled=false} turns it off; {@code rapporteur.demo.scenario}
 * names another scenario on the classpath.
 */
@Component
@ConditionalOnProperty(name = "rapporteur.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final CommandGateway commands;
  private final JdbcTemplate jdbc;
  private final String scenario;

  DemoLoader(
      CommandGateway commands,
      DataSource dataSource,
      @org.springframework.beans.factory.annotation.Value("${rapporteur.demo.scenario:" + ScenarioReader.REFERENCE + "}")
          String scenario) {
    this.commands = commands;
    this.jdbc = new JdbcTemplate(dataSource);
    this.scenario = scenario;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    if (events != null && events > 0) {
      return;
    }
    long started = System.nanoTime();
    long position = new ScenarioRunner(this::send).run(ScenarioReader.fromClasspath(scenario));
    log.info(
        "Demo loaded: scenario {} issued through the command API up to position {} in {} ms",
        scenario, position, (System.nanoTime() - started) / 1_000_000);
  }

  private long send(org.rapporteur.shared.report.ReportCommand command) {
    try {
      Object result = commands.sendAndWait(command);
      // A corrigendum answers its number and symbol beside the position.
      return result instanceof IssuedCorrigendum issued ? issued.position() : ((Number) result).longValue();
    } catch (StaleRevisionException stale) {
      throw new CommandSender.StaleRevision(stale.currentRevision(), stale.currentText());
    }
  }
}
