package org.rapporteur.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.query.QuerySideApplication;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenID Connect sign-in as production runs it: the command side and the query side apart, in jwt
 * mode, each with its own database (here a schema of its own) as compose gives them, the query side
 * keeping its browser sessions in the command side's as compose tells it to, against an
 * identity provider (in this process, {@link FakeOidcProvider}). A browser's redirects are followed
 * by hand, each request sent where the front door sends it (GET to the query side, other methods to
 * the command side): the sign-in starts and ends on the query side, and the session it leaves
 * writes on the command side. API clients meet the API as before.
 */
class OidcSignInTest {

  private static final String CLIENT_ID = "rapporteur-web";
  private static final String CLIENT_SECRET = "web-secret";

  private static FakeOidcProvider provider;
  private static ConfigurableApplicationContext commandSide;
  private static ConfigurableApplicationContext querySide;
  private static String querySchema;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    provider = new FakeOidcProvider(CLIENT_ID, CLIENT_SECRET);
    String url = TestDatabases.postgresUrl();
    String topic = "oidc-" + UUID.randomUUID();
    querySchema = "oidc_query_" + UUID.randomUUID().toString().replace("-", "");
    execute(url, "create schema " + querySchema);
    commandSide = side(CommandSideApplication.class, "command-side", url, topic);
    querySide = side(QuerySideApplication.class, "query-side", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + querySchema,
        topic, "--rapporteur.web.session-datasource.url=" + url);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", TestDatabases.postgresPassword());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    for (ConfigurableApplicationContext side : new ConfigurableApplicationContext[] {querySide, commandSide}) {
      if (side != null) {
        side.close();
      }
    }
    if (provider != null) {
      provider.close();
    }
    if (querySchema != null) {
      execute(TestDatabases.postgresUrl(), "drop schema " + querySchema + " cascade");
    }
  }

  /** One side as docker-compose runs it: its own configuration file, jwt mode, the provider as the client's and the API's. */
  private static ConfigurableApplicationContext side(Class<?> application, String configName, String url, String topic,
      String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.config.name=" + configName,
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=" + TestDatabases.postgresPassword(),
        "--rapporteur.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--rapporteur.kafka.topic=" + topic,
        "--rapporteur.kafka.consumer-group=" + topic,
        "--rapporteur.identity.mode=jwt",
        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + provider.issuer(),
        "--spring.security.oauth2.resourceserver.jwt.audiences=" + FakeOidcProvider.AUDIENCE,
        "--spring.security.oauth2.client.provider.idp.issuer-uri=" + provider.issuer(),
        "--spring.security.oauth2.client.registration.idp.client-id=" + CLIENT_ID,
        "--spring.security.oauth2.client.registration.idp.client-secret=" + CLIENT_SECRET,
        "--spring.security.oauth2.client.registration.idp.client-name=the test provider",
        "--spring.security.oauth2.client.registration.idp.scope=openid",
        "--spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
        "--spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
  }

  @Test
  void aBrowserSignsInAtTheProviderAndItsSessionReadsAndWritesOnBothSides() throws Exception {
    Browser browser = new Browser();

    // The application without a session leads to the sign-in page, which offers the provider.
    assertThat(browser.get("/app").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    JsonNode options = JSON.readTree(browser.get("/session/options").body());
    assertThat(options.get("password").asBoolean()).isFalse();
    assertThat(options.get("providers").get(0).get("name").asText()).isEqualTo("the test provider");
    String start = options.get("providers").get(0).get("url").asText();

    // The redirect flow: to the provider, back with a code, and into the application.
    provider.signInNext(Map.of("sub", "u-17", "preferred_username", "ana.secretary", "role", "SECRETARY"));
    HttpResponse<String> landed = browser.signInAt(start);
    assertThat(landed.statusCode()).isEqualTo(302);
    assertThat(landed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
    JsonNode me = JSON.readTree(browser.get("/session").body());
    assertThat(me.get("user").asText()).isEqualTo("ana.secretary");
    assertThat(me.get("role").asText()).isEqualTo("SECRETARY");

    // The session writes on the command side (with the CSRF token; without it, 403) and reads on the query side.
    String reportId = "oidc-" + UUID.randomUUID();
    String create = createReport(reportId);
    assertThat(browser.send("POST", "/api/reports", create, false).statusCode()).isEqualTo(403);
    HttpResponse<String> created = browser.send("POST", "/api/reports", create, true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long position = JSON.readTree(created.body()).get("position").asLong();
    HttpResponse<String> draft = browser.getWhenProjected("/api/reports/" + reportId + "?minPosition=" + position);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    JsonNode audit = JSON.readTree(browser.get("/api/reports/" + reportId + "/audit?minPosition=" + position).body());
    assertThat(audit.get(0).get("actor").get("user").asText()).as("who acted comes from the ID token").isEqualTo("ana.secretary");

    // API clients: no credentials is 401, never a redirect; a bearer token from the same provider works.
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (HttpRequest bare : List.of(
        HttpRequest.newBuilder(URI.create(base(querySide) + "/api/reports")).GET().build(),
        HttpRequest.newBuilder(URI.create(base(commandSide) + "/api/reports"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(create)).build())) {
      HttpResponse<String> refused = plain.send(bare, HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    String token = provider.accessToken(Map.of("sub", "u-18", "role", "AUDITOR"));
    HttpResponse<String> withToken = plain.send(HttpRequest.newBuilder(URI.create(base(querySide) + "/api/reports/" + reportId))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);

    // Sign-out on the command side ends the session for both.
    assertThat(browser.send("POST", "/session/sign-out", null, true).statusCode()).isEqualTo(204);
    assertThat(browser.get("/session").statusCode()).isEqualTo(401);
    HttpResponse<String> after = browser.get("/api/reports");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("Location")).isEmpty();
    assertThat(browser.send("POST", "/api/reports", createReport("oidc-" + UUID.randomUUID()), true).statusCode())
        .isIn(401, 403);
  }

  @Test
  void aUserTheProviderGivesNoRoleIsNotSignedIn() throws Exception {
    Browser browser = new Browser();
    provider.signInNext(Map.of("sub", "u-19", "preferred_username", "no.role"));
    HttpResponse<String> landed = browser.signInAt("/oauth2/authorization/idp");
    assertThat(landed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error=no-role"));
    assertThat(browser.get("/session").statusCode()).isEqualTo(401);
  }

  private static String createReport(String reportId) {
    return "{\"reportId\":\"" + reportId + "\",\"body\":\"Inter-Agency Meeting on Outer Space Activities\","
        + "\"sessionNumber\":40,\"title\":\"Report on its fortieth session\",\"venue\":\"online\","
        + "\"startDate\":\"2021-12-14\",\"endDate\":\"2021-12-14\",\"language\":\"en\"}";
  }

  private static String base(ConfigurableApplicationContext side) {
    return "http://localhost:" + ((WebServerApplicationContext) side).getWebServer().getPort();
  }

  /** A browser behind the front door: one cookie jar, GET to the query side and the rest to the command side. */
  private static final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(String path) throws Exception {
      return client.send(HttpRequest.newBuilder(URI.create(base(querySide) + path)).GET()
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks again after each 503, which already waited for the position, until a deadline. */
    HttpResponse<String> getWhenProjected(String path) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      HttpResponse<String> answer;
      do {
        answer = get(path);
      } while (answer.statusCode() == 503 && System.nanoTime() < deadline);
      return answer;
    }

    HttpResponse<String> send(String method, String path, String json, boolean csrf) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(commandSide) + path))
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (csrf) {
        request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the sign-in's redirects, as a browser would, up to the application's own answer. */
    HttpResponse<String> signInAt(String path) throws Exception {
      HttpResponse<String> toProvider = get(path);
      assertThat(toProvider.statusCode()).isEqualTo(302);
      String authorize = toProvider.headers().firstValue("Location").orElseThrow();
      assertThat(authorize).startsWith(provider.issuer() + "/authorize?");
      HttpResponse<String> back = client.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
      String callback = back.headers().firstValue("Location").orElseThrow();
      assertThat(callback).startsWith(base(querySide) + "/login/oauth2/code/idp?code=");
      return client.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }
  }
}
