package org.rapporteur.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The product's HTTP API as the demo users see it. One client: it keeps a pool of HTTP/1.1
 * connections and opens another whenever all are busy, so N concurrent callers use N connections.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String base;

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    Response expectOk(String what) {
      if (!ok()) {
        throw new IllegalStateException(what + " answered " + status + ": " + body);
      }
      return this;
    }
  }

  Response get(String user, String path) {
    return send(user, "GET", path, null);
  }

  Response post(String user, String path, Object body) {
    return send(user, "POST", path, body);
  }

  Response put(String user, String path, Object body) {
    return send(user, "PUT", path, body);
  }

  /** Sends a request; a failure to connect or read is an {@link UncheckedIOException}. */
  private Response send(String user, String method, String path, Object body) {
    try {
      return exchange(user, method, path, body);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    }
  }

  private Response exchange(String user, String method, String path, Object body) throws IOException {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", basic(user))
        .header("Content-Type", "application/json")
        .method(method, publisher)
        .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
