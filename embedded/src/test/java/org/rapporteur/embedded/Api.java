package org.rapporteur.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the API, as any client would call it: JSON over HTTP Basic. */
public final class Api {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public HttpResponse<String> get(String user, String path) {
    return send(user, "GET", path, null);
  }

  public HttpResponse<String> post(String user, String path, String json) {
    return send(user, "POST", path, json);
  }

  public HttpResponse<String> put(String user, String path, String json) {
    return send(user, "PUT", path, json);
  }

  /**
   * Reads the report's draft once the projection applied {@code position}, as a client would: each
   * 503 already waited for the position, so it asks again at once, until {@code patience} ran out.
   */
  public HttpResponse<String> getWhenProjected(String reportId, long position, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    HttpResponse<String> answer;
    do {
      answer = get("auditor", "/api/reports/" + reportId + "?minPosition=" + position);
    } while (answer.statusCode() == 503 && System.nanoTime() < deadline);
    return answer;
  }

  public HttpResponse<String> send(String user, String method, String path, String json) {
    return send(user, method, path, json, new String[0]);
  }

  /** As {@link #send(String, String, String, String)}, with more headers: name, value, name, value... */
  public HttpResponse<String> send(String user, String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (user != null) {
      String credentials = user + ":demo";
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
