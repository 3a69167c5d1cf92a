package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production identity: bearer JWTs checked against a locally generated RSA key, with issuer,
 * audience, expiry and algorithm enforced, and role and entity from claims. Every refused token is
 * a 401 problem; no demo user exists.
 */
class JwtIdentityTest extends EmbeddedApiTest {

  private static final String ISSUER = "https://idp.test/realms/un";
  private static final String AUDIENCE = "rapporteur";
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static final Path PUBLIC_KEY = writePem(KEYS);

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void jwtMode(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
    registry.add("rapporteur.identity.mode", () -> "jwt");
    registry.add("rapporteur.identity.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
    registry.add("rapporteur.identity.jwt.issuer", () -> ISSUER);
    registry.add("rapporteur.identity.jwt.audience", () -> AUDIENCE);
  }

  @Test
  void chairTokenAdoptsTheAgendaAndDelegateTokenDraftsForItsEntity() throws Exception {
    String report = "j-" + java.util.UUID.randomUUID();
    assertThat(call(token("sec-1", "SECRETARY", null), "POST", "/api/reports", createReport(report)).statusCode()).isEqualTo(201);
    HttpResponse<String> section =
        call(token("sec-1", "SECRETARY", null), "POST", "/api/reports/" + report + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}");
    String sectionId = json(section).get("sectionId").asText();
    call(token("sec-1", "SECRETARY", null), "POST", "/api/reports/" + report + "/agenda-items", "{\"title\":\"Opening\"}");

    HttpResponse<String> adopted = call(token("chair-1", "chair", null), "POST", "/api/reports/" + report + "/agenda/adoption", null);
    assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);

    HttpResponse<String> drafted =
        call(token("d-itu", "DELEGATE", "itu"), "POST", "/api/reports/" + report + "/paragraphs",
            "{\"sectionId\":\"" + sectionId + "\",\"text\":\"ITU reported.\"}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    long position = json(drafted).get("position").asLong();
    HttpResponse<String> draft =
        call(token("aud-1", "AUDITOR", null), "GET", "/api/reports/" + report + "?minPosition=" + position, null);
    assertThat(json(draft).at("/sections/0/paragraphs/0/authorEntity").asText()).isEqualTo("ITU");
  }

  @Test
  void expiredTokenIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))));
  }

  @Test
  void tokenNotYetValidIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.issuer("https://evil.test")));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.audience("another-app")));
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() {
    assertRefused(signed(OTHER_KEYS.getPrivate(), claims -> {}));
  }

  @Test
  void unsignedTokenIsRefused() {
    assertRefused(new PlainJWT(claims("chair-1", "CHAIR", null).build()).serialize());
  }

  @Test
  void tokenWithoutRoleIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.claim("role", null)));
  }

  @Test
  void tokenWithUnknownRoleIsRefused() {
    assertRefused(signed(KEYS.getPrivate(), claims -> claims.claim("role", "SUPERUSER")));
  }

  @Test
  void noDemoUserExistsInJwtMode() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("secretary:demo".getBytes(StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  private void assertRefused(String token) {
    HttpResponse<String> response = call(token, "GET", "/api/reports", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"type\":\"urn:rapporteur:problem:unauthenticated\"");
  }

  private static String token(String user, String role, String entity) {
    try {
      SignedJWT jwt = new SignedJWT(header(), claims(user, role, entity).build());
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid chair token, changed by {@code change} in one respect. */
  private static String signed(PrivateKey key, Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = claims("chair-1", "CHAIR", null);
    change.accept(claims);
    try {
      SignedJWT jwt = new SignedJWT(header(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWSHeader header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();
  }

  private static JWTClaimsSet.Builder claims(String user, String role, String entity) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("role", role);
    if (entity != null) {
      claims.claim("entity", entity);
    }
    return claims;
  }

  private HttpResponse<String> call(String token, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writePem(KeyPair keys) {
    try {
      Path file = Files.createTempFile("rapporteur-jwt", ".pem");
      file.toFile().deleteOnExit();
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      return Files.writeString(file, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
