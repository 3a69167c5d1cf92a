package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/{r}/events}: each projected position of the report arrives as a
 * server-sent event whose id is the position, and a client that reconnects with
 * {@code Last-Event-ID} is told at once of the position it missed.
 */
class ReportEventStreamTest extends ReferenceDemoApiTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eachCommittedPositionArrivesAndAReconnectResumesAfterTheLastEventId() throws Exception {
    Api api = api();
    String reportId = "events-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports", createReport(reportId, "")).statusCode()).isEqualTo(201);
    assertThat(api.getWhenProjected(reportId, 1, java.time.Duration.ofSeconds(30)).statusCode()).isEqualTo(200);

    try (Stream<String> lines = open(reportId, null)) {
      Iterator<String> events = lines.iterator();
      assertThat(nextId(events)).as("the current position, at once").isEqualTo("1");
      api.post("secretary", "/api/reports/" + reportId + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}");
      assertThat(nextId(events)).as("the next commit of the projection").isEqualTo("2");
    }

    api.post("secretary", "/api/reports/" + reportId + "/sections", "{\"chapter\":\"I\",\"title\":\"Opening\"}");
    assertThat(api.getWhenProjected(reportId, 3, java.time.Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
    try (Stream<String> lines = open(reportId, "2")) {
      assertThat(nextId(lines.iterator())).as("what was missed while away").isEqualTo("3");
    }
  }

  @Test
  void anUnknownReportHasNoStream() throws Exception {
    HttpResponse<String> answer = http.send(request("no-such-report", null).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(404);
  }

  @Test
  void aDelegateWhoseEntityIsNoMemberHasNoStreamAndLosesAnOpenOneWhenItsEntityIsRemoved() throws Exception {
    Api api = api();
    String reportId = "events-" + UUID.randomUUID();
    long created = json(api.post("secretary", "/api/reports", createReport(reportId, "\"ITU\""))).get("position").asLong();
    assertThat(api.getWhenProjected(reportId, created, java.time.Duration.ofSeconds(30)).statusCode()).isEqualTo(200);

    HttpResponse<String> outsider = http.send(request(reportId, null, "wmo").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(outsider.statusCode()).as("as for a report that does not exist").isEqualTo(404);

    try (Stream<String> lines = open(reportId, null, "itu")) {
      Iterator<String> events = lines.iterator();
      assertThat(nextId(events)).isEqualTo(Long.toString(created));
      assertThat(api.send("secretary", "DELETE", "/api/reports/" + reportId + "/members/ITU", null).statusCode())
          .isEqualTo(200);
      assertThat(CompletableFuture.supplyAsync(() -> {
        while (events.hasNext()) {
          if (events.next().startsWith("id:")) {
            return "an event after the removal";
          }
        }
        return "ended";
      }).get(20, TimeUnit.SECONDS)).isEqualTo("ended");
    }
  }

  private Stream<String> open(String reportId, String lastEventId) throws Exception {
    return open(reportId, lastEventId, "auditor");
  }

  private Stream<String> open(String reportId, String lastEventId, String user) throws Exception {
    HttpRequest.Builder request = request(reportId, lastEventId, user);
    HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
    return response.body();
  }

  private HttpRequest.Builder request(String reportId, String lastEventId) {
    return request(reportId, lastEventId, "auditor");
  }

  private HttpRequest.Builder request(String reportId, String lastEventId, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/" + reportId + "/events"))
        .header("Accept", "text/event-stream")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return request;
  }

  /** The id of the next event, skipping heartbeats and the other fields. */
  private static String nextId(Iterator<String> lines) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.startsWith("id:")) {
          return line.substring(3).trim();
        }
      }
      throw new AssertionError("the stream ended");
    }).get(20, TimeUnit.SECONDS);
  }
}
