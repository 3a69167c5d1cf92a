package org.rapporteur.testing.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The product's HTTP API as the demo users see it (HTTP Basic, password {@code demo}). */
public final class Api {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** An answer; {@code body} is null when it is not JSON. */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    public long position() {
      return body.get("position").asLong();
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Answer get(String user, String path) throws IOException {
    return send(user, "GET", path, null);
  }

  public Answer post(String user, String path, Object body) throws IOException {
    return send(user, "POST", path, body);
  }

  public Answer put(String user, String path, Object body) throws IOException {
    return send(user, "PUT", path, body);
  }

  /** Throws IOException when no answer came: the command's outcome is then unknown. */
  public Answer send(String user, String method, String path, Object body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(15))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json");
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      } catch (IOException notJson) {
        // an error page; the status says enough
      }
      return new Answer(response.statusCode(), json);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Whether the report's projection has applied {@code position}, polling until the deadline. */
  public boolean readable(String reportId, long position, Duration timeout) {
    return Waits.within(timeout, () -> {
      try {
        Answer answer = get("auditor", "/api/reports/" + reportId + "?minPosition=" + position);
        return answer.ok() && answer.body().get("position").asLong() >= position;
      } catch (IOException e) {
        return false;
      }
    });
  }
}
