package org.rapporteur.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapporteur.identity.IdentityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production docker-compose.yml, the front door's nginx.conf and the Dockerfiles agree with
 * what the applications' own configuration and poms say. Nothing is started: the files are read.
 */
class ComposeFileTest {

  private static final Set<String> SPRING_PREFIXES = Set.of("SPRING_", "SERVER_", "MANAGEMENT_");

  private static Path root;
  private static Map<String, Object> compose;
  private static String nginx;
  private static String upstreams;

  @BeforeAll
  static void read() throws IOException {
    root = repositoryRoot();
    compose = yaml(root.resolve("docker-compose.yml"));
    nginx = Files.readString(root.resolve("deploy/front-door/nginx.conf"));
    upstreams = Files.readString(root.resolve("deploy/front-door/upstreams.conf"));
  }

  @Test
  void composeDefinesKafkaPostgresBothSidesAndTheFrontDoor() {
    assertThat(map(compose, "services")).containsKeys("postgres", "front-door");
    assertThat(instances("kafka")).isNotEmpty();
    assertThat(instances("command-side")).isNotEmpty();
    assertThat(instances("query-side")).isNotEmpty();
  }

  /** Each side's upstream group in upstreams.conf lists every instance compose runs, on the side's port. */
  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void frontDoorUpstreamOfASideListsEveryInstanceOfIt(String side) {
    Matcher group = Pattern.compile("upstream\\s+" + Pattern.quote(side) + "\\s*\\{([^}]*)}").matcher(upstreams);
    assertThat(group.find()).as("upstreams.conf defines upstream %s", side).isTrue();
    List<String> servers = new ArrayList<>();
    Matcher server = Pattern.compile("server\\s+(\\S+?)(?:\\s|;)").matcher(group.group(1));
    while (server.find()) {
      servers.add(server.group(1));
    }
    assertThat(servers).containsExactlyInAnyOrderElementsOf(
        instances(side).stream().map(instance -> instance + ":" + serverPort(side)).toList());
    assertThat(nginx).containsPattern("include\\s+upstreams\\.conf\\s*;");
  }

  @Test
  void frontDoorPublishesPort8080() {
    List<String> ports = new ArrayList<>();
    for (Object port : list(service("front-door"), "ports")) {
      ports.add(String.valueOf(port));
    }
    assertThat(ports).contains("8080:8080");
  }

  @Test
  void frontDoorMountsTheNginxConfReadOnly() {
    List<String> volumes = new ArrayList<>();
    for (Object volume : list(service("front-door"), "volumes")) {
      volumes.add(String.valueOf(volume));
    }
    assertThat(volumes).contains("./deploy/front-door:/etc/nginx/front-door:ro");
    assertThat(list(service("front-door"), "command")).map(String::valueOf)
        .containsSubsequence("-c", "/etc/nginx/front-door/nginx.conf");
  }

  @Test
  void frontDoorSendsGetAndHeadToTheQuerySide() {
    Map<String, String> routes = methodRoutes();
    assertThat(routes).containsEntry("GET", "query-side");
    assertThat(routes).containsEntry("HEAD", "query-side");
  }

  @Test
  void frontDoorSendsEveryOtherMethodToTheCommandSide() {
    Map<String, String> routes = methodRoutes();
    assertThat(routes).containsEntry("default", "command-side");
    assertThat(routes.keySet()).containsExactlyInAnyOrder("GET", "HEAD", "default");
  }

  @Test
  void frontDoorProxiesToTheMappedUpstreamAndListensOn8080() throws IOException {
    Matcher block = Pattern.compile("map\\s+\\$uri\\s+(\\$\\w+)\\s*\\{([^}]*)}").matcher(nginx);
    assertThat(block.find()).as("nginx.conf maps $uri").isTrue();
    assertThat(block.group(2)).as("any other path goes by method").containsPattern("default\\s+\\" + methodMapVariable() + "\\s*;");
    assertThat(nginx).containsPattern("proxy_pass\\s+http://\\" + block.group(1) + "\\s*;");
    assertThat(nginx).containsPattern("include\\s+listen\\.conf\\s*;");
    assertThat(Files.readString(root.resolve("deploy/front-door/listen.conf"))).containsPattern("listen\\s+8080\\s*;");
  }

  @Test
  void frontDoorSendsEachOperationToTheSideThatOwnsIt() {
    assertThat(nginx).containsPattern("~\\^/api/admin/projections/\\s+query-side\\s*;");
    assertThat(nginx).containsPattern("~\\^/api/admin/publication\\s+command-side\\s*;");
  }

  @Test
  void frontDoorSendsTheReadsOfTheEventStoreToTheCommandSide() {
    String commandSide = "command-side";
    assertThat(uriRoute("/api/reports/r-1/verification")).isEqualTo(commandSide);
    assertThat(uriRoute("/api/reports/r-1/evidence")).isEqualTo(commandSide);
    assertThat(uriRoute("/api/reports/r-1/audit")).as("other reads go by method").isNull();
    assertThat(uriRoute("/api/reports/r-1/paragraphs/p-1/verification")).isNull();
  }

  @Test
  void frontDoorSendsTheWebApplicationToTheQuerySideWhateverTheMethod() {
    String querySide = "query-side";
    for (String path : List.of("/", "/app", "/sign-in", "/session", "/session/sign-out", "/session/options", "/web/app.js",
        "/webjars/axe-core/axe.min.js", "/oauth2/authorization/idp", "/login/oauth2/code/idp")) {
      assertThat(uriRoute(path)).as(path).isEqualTo(querySide);
    }
    for (String path : List.of("/api/reports", "/apps", "/sessions", "/api/session")) {
      assertThat(uriRoute(path)).as(path + " goes by method").isNull();
    }
  }

  /** The upstream of the first regular expression of the $uri map that matches the path, as nginx picks it; or null. */
  private String uriRoute(String path) {
    Matcher block = Pattern.compile("map\\s+\\$uri\\s+\\$\\w+\\s*\\{([^}]*)}").matcher(nginx);
    assertThat(block.find()).isTrue();
    Matcher entry = Pattern.compile("(?m)^\\s*~(\\S+)\\s+(\\S+)\\s*;").matcher(block.group(1));
    while (entry.find()) {
      if (Pattern.compile(entry.group(1)).matcher(path).find()) {
        return entry.group(2);
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideListensOn8080AsTheFrontDoorExpects(String side) {
    assertThat(serverPort(side)).isEqualTo(8080);
    for (String instance : instances(side)) {
      assertThat(list(service(instance), "expose")).map(String::valueOf).contains("8080");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideHealthcheckAsksActuatorHealthOnTheServerPort(String side) {
    for (String instance : instances(side)) {
      String test = String.valueOf(map(service(instance), "healthcheck").get("test"));
      assertThat(test).contains("http://localhost:" + serverPort(side) + "/actuator/health");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideDatasourcePointsToThePostgresServiceAndItsDatabase(String side) throws IOException {
    // The command side's store in the image's own database; the query side's in the one
    // deploy/postgres creates beside it.
    String database = side.equals("command-side")
        ? environment("postgres").get("POSTGRES_DB")
        : createdDatabase();
    for (String instance : instances(side)) {
      assertThat(environment(instance))
          .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database)
          .containsEntry("SPRING_DATASOURCE_USERNAME", environment("postgres").get("POSTGRES_USER"));
    }
  }

  /** The database the init script mounted into the postgres service creates. */
  private static String createdDatabase() throws IOException {
    String mount = list(service("postgres"), "volumes").stream().map(String::valueOf)
        .filter(volume -> volume.contains("/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
    String script = Files.readString(root.resolve(mount.substring(2, mount.indexOf(':'))));
    Matcher create = Pattern.compile("CREATE DATABASE (\\w+)").matcher(script);
    assertThat(create.find()).as("%s creates a database", mount).isTrue();
    return create.group(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideKafkaBootstrapIsTheKafkaServicesAdvertisedPlaintextListener(String side) {
    List<String> advertised = new ArrayList<>();
    for (String broker : instances("kafka")) {
      Matcher listener = Pattern.compile("PLAINTEXT://([^,:]+):(\\d+)")
          .matcher(environment(broker).get("KAFKA_ADVERTISED_LISTENERS"));
      assertThat(listener.find()).as("%s advertises a PLAINTEXT listener", broker).isTrue();
      assertThat(listener.group(1)).isEqualTo(broker);
      advertised.add(listener.group(1) + ":" + listener.group(2));
    }
    for (String instance : instances(side)) {
      assertThat(environment(instance))
          .containsEntry("RAPPORTEUR_KAFKA_BOOTSTRAP_SERVERS", String.join(",", advertised));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideUsesJwtIdentity(String side) {
    for (String instance : instances(side)) {
      assertThat(environment(instance))
          .containsEntry("RAPPORTEUR_IDENTITY_MODE", "jwt")
          .containsKeys(
              "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
              "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void sideDependsOnHealthyKafkaAndPostgres(String side) {
    for (String instance : instances(side)) {
      Map<String, Object> dependsOn = map(service(instance), "depends_on");
      for (String broker : instances("kafka")) {
        assertThat(map(dependsOn, broker)).containsEntry("condition", "service_healthy");
      }
      assertThat(map(dependsOn, "postgres")).containsEntry("condition", "service_healthy");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void everyEnvironmentVariableOfASideBindsToAPropertyItKnows(String side) throws IOException {
    Set<String> known = new LinkedHashSet<>();
    for (String key : flatten(applicationYml(side)).keySet()) {
      known.add(environmentName(key));
    }
    known.addAll(identityEnvironmentNames());
    List<String> unknown = new ArrayList<>();
    for (String instance : instances(side)) {
      for (String variable : environment(instance).keySet()) {
        boolean springOwn = SPRING_PREFIXES.stream().anyMatch(variable::startsWith);
        if (!springOwn && !known.contains(variable)) {
          unknown.add(instance + ": " + variable);
        }
      }
    }
    assertThat(unknown).as("variables no property of %s binds", side).isEmpty();
  }

  @Test
  void bothSidesDefaultToTheSameKafkaTopic() throws IOException {
    Object commandTopic = flatten(applicationYml("command-side")).get("rapporteur.kafka.topic");
    Object queryTopic = flatten(applicationYml("query-side")).get("rapporteur.kafka.topic");
    assertThat(commandTopic).isNotNull().isEqualTo(queryTopic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void composeBuildsTheSideFromItsDockerfile(String side) {
    for (String instance : instances(side)) {
      Map<String, Object> build = map(service(instance), "build");
      assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "deploy/" + side + "/Dockerfile");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-side", "query-side"})
  void dockerfileBuildsTheModuleAndCopiesTheExecJarItsPomProduces(String side) throws Exception {
    String dockerfile = Files.readString(root.resolve("deploy/" + side + "/Dockerfile"));
    assertThat(dockerfile).containsPattern("mvn -B -pl " + Pattern.quote(side) + " -am package");

    Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(root.resolve(side + "/pom.xml").toFile()).getDocumentElement();
    String artifactId = child(pom, "artifactId");
    String version = child(pom, "version") != null ? child(pom, "version")
        : child((Element) pom.getElementsByTagName("parent").item(0), "version");
    String classifier = pom.getElementsByTagName("classifier").item(0).getTextContent().trim();
    Path jar = Path.of("/src", side, "target", artifactId + "-" + version + "-" + classifier + ".jar");

    Matcher copy = Pattern.compile("(?m)^COPY\\s+--from=build\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(dockerfile);
    assertThat(copy.find()).as("a COPY --from=build of the jar").isTrue();
    assertThat(FileSystems.getDefault().getPathMatcher("glob:" + copy.group(1)).matches(jar))
        .as("%s matches %s", copy.group(1), jar)
        .isTrue();
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, String> methodRoutes() {
    Matcher block = Pattern.compile("map\\s+\\$request_method\\s+(\\$\\w+)\\s*\\{([^}]*)}").matcher(nginx);
    assertThat(block.find()).as("nginx.conf maps $request_method").isTrue();
    Map<String, String> routes = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("(\\S+)\\s+([^;\\s]+)\\s*;").matcher(block.group(2));
    while (entry.find()) {
      routes.put(entry.group(1), entry.group(2));
    }
    return routes;
  }

  private static String methodMapVariable() {
    Matcher block = Pattern.compile("map\\s+\\$request_method\\s+(\\$\\w+)").matcher(nginx);
    assertThat(block.find()).as("nginx.conf maps $request_method").isTrue();
    return block.group(1);
  }

  /** The property's name as an environment variable (Spring's relaxed binding). */
  private static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Set<String> identityEnvironmentNames() {
    String prefix = IdentityProperties.class.getAnnotation(ConfigurationProperties.class).value();
    Set<String> names = new LinkedHashSet<>();
    for (var component : IdentityProperties.class.getRecordComponents()) {
      String kebab = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      names.add(environmentName(prefix + "." + kebab));
    }
    return names;
  }

  /** The services compose runs of a side (or of Kafka): {@code <side>-1}, {@code <side>-2} ... */
  private static List<String> instances(String side) {
    return map(compose, "services").keySet().stream().filter(name -> name.matches(Pattern.quote(side) + "-\\d+"))
        .sorted().toList();
  }

  private static int serverPort(String side) {
    String override = environment(instances(side).get(0)).get("SERVER_PORT");
    if (override != null) {
      return Integer.parseInt(override);
    }
    try {
      return Integer.parseInt(String.valueOf(flatten(applicationYml(side)).get("server.port")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> applicationYml(String side) throws IOException {
    return yaml(root.resolve(side + "/src/main/resources/" + side + ".yml"));
  }

  private static Map<String, Object> service(String name) {
    return map(map(compose, "services"), name);
  }

  private static Map<String, String> environment(String service) {
    Object environment = service(service).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (environment instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = String.valueOf(entry).split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : null);
      }
    }
    return variables;
  }

  private static Map<String, Object> flatten(Map<String, Object> tree) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", tree, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> tree, Map<String, Object> flat) {
    tree.forEach((key, value) -> {
      String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
      if (value instanceof Map<?, ?> child) {
        flatten(name, child, flat);
      } else {
        flat.put(name, value);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("'%s' is a mapping", key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<?> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("'%s' is a list", key).isInstanceOf(List.class);
    return (List<?>) value;
  }

  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }

  private static Path repositoryRoot() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("docker-compose.yml"))) {
        return dir;
      }
      Path pom = dir.resolve("pom.xml");
      if (Files.exists(pom) && Files.readString(pom).contains("<module>embedded</module>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
