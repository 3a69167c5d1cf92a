package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web application's session over plain HTTP: signing in makes a cookie session that the API
 * accepts, CSRF protection guards that session's state changes, and API clients see no change:
 * 401 without credentials (never a redirect), Basic with or without a stray cookie.
 */
class BrowserSessionTest extends ReferenceDemoApiTest {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theRootLeadsToTheSignInPageWhichIsServed() throws Exception {
    HttpResponse<String> root = send("GET", "/", null, false);
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");

    HttpResponse<String> page = send("GET", "/sign-in", null, false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Sign in</h1>");
  }

  @Test
  void theApiWithoutCredentialsAnswers401AsAProblemEvenWithAnUnknownSessionCookie() throws Exception {
    HttpResponse<String> bare = api().get(null, "/api/reports");
    assertThat(bare.statusCode()).isEqualTo(401);
    assertThat(bare.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

    HttpResponse<String> staleCookie = browser.send(
        HttpRequest.newBuilder(uri("/api/reports")).header("Cookie", "JSESSIONID=no-such-session").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(staleCookie.statusCode()).isEqualTo(401);
    assertThat(staleCookie.headers().firstValue("Location")).isEmpty();
    // No Basic challenge to a browser's session: it would pop up the browser's own password dialog.
    assertThat(staleCookie.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");
  }

  @Test
  void aSignedInSessionReadsAndWritesTheApiWithTheCsrfTokenAndOnlyWithIt() throws Exception {
    send("GET", "/sign-in", null, false);
    HttpResponse<String> wrongPassword = send("POST", "/session", "{\"username\":\"secretary\",\"password\":\"nope\"}", true);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).contains("The user name or the password is not right.");

    assertThat(send("POST", "/session", "{\"username\":\"secretary\",\"password\":\"demo\"}", false).statusCode())
        .as("signing in without the CSRF token").isEqualTo(403);
    HttpResponse<String> signedIn = send("POST", "/session", "{\"username\":\"secretary\",\"password\":\"demo\"}", true);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(json(signedIn).get("role").asText()).isEqualTo("SECRETARY");

    assertThat(send("GET", "/api/reports", null, false).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/", null, false).headers().firstValue("Location").orElseThrow()).endsWith("/app");
    String reportId = "session-" + UUID.randomUUID();
    assertThat(send("POST", "/api/reports", createReport(reportId), false).statusCode())
        .as("a state change without the CSRF token").isEqualTo(403);
    assertThat(send("POST", "/api/reports", createReport(reportId), true).statusCode()).isEqualTo(201);

    assertThat(send("POST", "/session/sign-out", "{}", true).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/reports", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void httpBasicKeepsWorkingBesideASessionCookieAndNeedsNoCsrfToken() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("secretary:demo".getBytes());
    HttpResponse<String> created = browser.send(
        HttpRequest.newBuilder(uri("/api/reports"))
            .header("Authorization", basic)
            .header("Cookie", "JSESSIONID=no-such-session")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(createReport("basic-" + UUID.randomUUID())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
  }

  private HttpResponse<String> send(String method, String path, String json, boolean withCsrfToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
