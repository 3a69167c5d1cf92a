package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.embedded.Api;
import org.rapporteur.query.QuerySideApplication;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The served OpenAPI description is valid as client generators read it: swagger-parser finds no
 * error or warning, every $ref resolves, no operation asks for the actor, answers are typed,
 * errors are problems, each operation has a summary and an operationId, and the problem catalogue
 * is listed once. Checked on the embedded default (one origin) and on each side deployed apart.
 */
class OpenApiDescriptionTest extends AccessApiTest {

  @Test
  void theEmbeddedDefaultServesAValidDescription() throws Exception {
    String description = served(api());
    assertThat(OpenApiChecks.findings(description)).isEmpty();
    assertThat(OpenApiChecks.operations(description)).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void eachSideDeployedApartServesAValidDescriptionOfItsOwnPaths() throws Exception {
    String embedded = served(api());
    Set<String> sides = new TreeSet<>();
    String url = TestDatabases.h2Url();
    try (ConfigurableApplicationContext command = start(CommandSideApplication.class, "command-side", url)) {
      String description = served(apiOf(command));
      assertThat(OpenApiChecks.findings(description)).as("command side").isEmpty();
      assertThat(OpenApiChecks.operations(description)).as("command side").contains("POST /api/reports")
          .doesNotContain("GET /api/reports");
      sides.addAll(OpenApiChecks.operations(description));
    }
    try (ConfigurableApplicationContext query = start(QuerySideApplication.class, "query-side", TestDatabases.h2Url())) {
      String description = served(apiOf(query));
      assertThat(OpenApiChecks.findings(description)).as("query side").isEmpty();
      assertThat(OpenApiChecks.operations(description)).as("query side").contains("GET /api/reports")
          .doesNotContain("POST /api/reports");
      sides.addAll(OpenApiChecks.operations(description));
    }
    assertThat(sides).as("the two sides together describe what the embedded default does")
        .isEqualTo(OpenApiChecks.operations(embedded));
  }

  private static String served(Api api) {
    HttpResponse<String> response = api.get(null, "/v3/api-docs");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static Api apiOf(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** One side as docker-compose runs it, with its own configuration file, on H2 and the test broker. */
  private static ConfigurableApplicationContext start(Class<?> side, String configName, String url) {
    List<String> args =
        List.of(
            "--spring.config.name=" + configName,
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--rapporteur.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--rapporteur.kafka.topic=api-docs-" + UUID.randomUUID(),
            "--rapporteur.kafka.consumer-group=api-docs-" + UUID.randomUUID(),
            "--rapporteur.identity.mode=demo",
            "--rapporteur.identity.demo-password=demo");
    return new SpringApplicationBuilder(side).run(args.toArray(String[]::new));
  }
}
