package org.rapporteur.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.embedded.security.RawHttp.Answer;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in throttling and the browser origin check, with a front door: 127.0.0.2 plays the trusted
 * front door ({@code server.tomcat.remoteip.internal-proxies}), whose {@code X-Forwarded-*}
 * headers name the client and the public origin; any other address (127.0.0.3 ...) is a client
 * whose forwarded headers count for nothing. Each test signs in from its own addresses and users,
 * so that one test's failures do not throttle another's.
 */
class FrontDoorTrustTest extends EmbeddedApiTest {

  private static final String FRONT_DOOR = "127.0.0.2";
  private static final String PROBLEM = "urn:rapporteur:problem:";

  @DynamicPropertySource
  static void frontDoor(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
    registry.add("rapporteur.identity.sign-in.max-failures-per-user", () -> "3");
    registry.add("rapporteur.identity.sign-in.max-failures-per-address", () -> "6");
    registry.add("server.forward-headers-strategy", () -> "native");
    registry.add("server.tomcat.remoteip.internal-proxies", () -> FRONT_DOOR + "/32");
    registry.add("rapporteur.http.allowed-origins", () -> "https://app.example.org");
  }

  private RawHttp from(String address) {
    return new RawHttp(address, port);
  }

  @Test
  void aUserIsThrottledAfterItsFailuresWhicheverClientTriesNext() {
    for (int i = 0; i < 3; i++) {
      assertThat(from(FRONT_DOOR).send("GET", "/api/reports", "wmo", "guess", null, "X-Forwarded-For", "203.0.113.1").status())
          .isEqualTo(401);
    }

    Answer throttled = from(FRONT_DOOR).send("GET", "/api/reports", "wmo", "demo", null, "X-Forwarded-For", "203.0.113.2");
    assertTooMany(throttled);
    assertThat(from(FRONT_DOOR).send("GET", "/api/reports", "itu", "demo", null, "X-Forwarded-For", "203.0.113.2").status())
        .isEqualTo(200);
  }

  @Test
  void behindTheFrontDoorEachForwardedClientAddressHasItsOwnBudget() {
    for (int i = 0; i < 6; i++) {
      assertThat(from(FRONT_DOOR).send("GET", "/api/reports", "ghost-" + i, "guess", null, "X-Forwarded-For", "198.51.100.7")
              .status())
          .isEqualTo(401);
    }

    assertTooMany(from(FRONT_DOOR).send("GET", "/api/reports", "oosa", "demo", null, "X-Forwarded-For", "198.51.100.7"));
    assertThat(from(FRONT_DOOR).send("GET", "/api/reports", "oosa", "demo", null, "X-Forwarded-For", "198.51.100.8").status())
        .isEqualTo(200);
  }

  @Test
  void aForwardedAddressFromAnyoneButTheFrontDoorCountsForNothing() {
    String client = "127.0.0.3";
    for (int i = 0; i < 6; i++) {
      assertThat(from(client).send("GET", "/api/reports", "phantom-" + i, "guess", null, "X-Forwarded-For", "192.0.2." + i)
              .status())
          .isEqualTo(401);
    }

    assertTooMany(from(client).send("GET", "/api/reports", "unodc", "demo", null, "X-Forwarded-For", "192.0.2.99"));
  }

  @Test
  void thePublicOriginComesFromTheFrontDoorsForwardedHeadersOnly() {
    String unknownReport = "/api/reports/r-" + UUID.randomUUID() + "/adoption";
    String[] publicOrigin = {
      "X-Forwarded-Proto", "https", "X-Forwarded-Host", "rapporteur.example.org", "X-Forwarded-Port", "443",
      "Origin", "https://rapporteur.example.org", "Sec-Fetch-Site", "same-origin"
    };

    Answer viaFrontDoor = from(FRONT_DOOR).send("POST", unknownReport, "chair", "demo", null, publicOrigin);
    Answer direct = from("127.0.0.4").send("POST", unknownReport, "chair", "demo", null, publicOrigin);

    assertProblem(viaFrontDoor, 404, "unknown-report");
    assertProblem(direct, 403, "cross-site-request");
  }

  @Test
  void aConfiguredOriginMayWriteFromItsSiteAndNoOtherMay() {
    String unknownReport = "/api/reports/r-" + UUID.randomUUID() + "/adoption";

    assertProblem(from("127.0.0.5").send("POST", unknownReport, "chair", "demo", null,
        "Origin", "https://app.example.org", "Sec-Fetch-Site", "same-site"), 404, "unknown-report");
    assertProblem(from("127.0.0.5").send("POST", unknownReport, "chair", "demo", null,
        "Origin", "https://evil.example.org", "Sec-Fetch-Site", "same-site"), 403, "cross-site-request");
  }

  private static void assertTooMany(Answer answer) {
    assertProblem(answer, 429, "too-many-sign-in-failures");
    assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 15 * 60L);
  }

  private static void assertProblem(Answer answer, int status, String rule) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"" + PROBLEM + rule + "\"");
  }
}
