package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The safe defaults against a browser used from another site: a body must be JSON, and a
 * state-changing request that the browser marks as cross-site is refused and changes nothing,
 * while API clients (no {@code Origin}, no {@code Sec-Fetch-Site}) write as before, body-less
 * commands included. And the embedded default listens on loopback only.
 */
class BrowserWritesTest extends CommandApiTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Value("${server.address}")
  String serverAddress;

  @Test
  void aBodyThatIsNotDeclaredJsonIsRefused415AndChangesNothing() throws Exception {
    String reportId = newReport();
    long before = position(reportId, CREATED);
    String item = "{\"title\":\"Opening\"}";

    problem(send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", item, null), 415, "unsupported-media-type");
    problem(send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", item, "text/plain"), 415,
        "unsupported-media-type");
    problem(send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", "title=Opening",
        "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
    problem(send("secretary", "PUT", "/api/reports/" + reportId + "/agenda-items/x", item, "text/plain"), 415,
        "unsupported-media-type");
    problem(send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", "{}", "text/plain"), 415,
        "unsupported-media-type");
    assertChangedNothing(reportId, before);
  }

  @Test
  void jsonWithACharsetAndBodylessCommandsWithoutAContentTypeAreAccepted() throws Exception {
    String reportId = newReport();
    HttpResponse<String> item =
        send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}",
            "application/json; charset=utf-8");
    assertThat(item.statusCode()).as(item.body()).isEqualTo(201);

    HttpResponse<String> adopted = send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, null);

    assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
  }

  @Test
  void aWriteTheBrowserMarksCrossSiteIsRefused403AndChangesNothing() throws Exception {
    String reportId = newReport();
    agendaItem(reportId);
    long before = position(reportId, CREATED + 1);
    String adoption = "/api/reports/" + reportId + "/agenda/adoption";

    problem(send("chair", "POST", adoption, null, null, "Sec-Fetch-Site", "cross-site"), 403, "cross-site-request");
    problem(send("chair", "POST", adoption, null, null, "Sec-Fetch-Site", "same-site"), 403, "cross-site-request");
    problem(send("chair", "POST", adoption, null, null, "Origin", "https://evil.example.org"), 403, "cross-site-request");
    problem(send("chair", "POST", adoption, null, null, "Origin", "null"), 403, "cross-site-request");
    problem(send(null, "POST", adoption, null, null, "Origin", "https://evil.example.org"), 403, "cross-site-request");
    problem(send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Other\"}",
        "application/json", "Origin", "https://evil.example.org", "Sec-Fetch-Site", "cross-site"), 403, "cross-site-request");
    assertChangedNothing(reportId, before);
  }

  @Test
  void aWriteFromTheApisOwnOriginAndAnyReadFromElsewhereAreServed() throws Exception {
    String reportId = newReport();
    agendaItem(reportId);

    HttpResponse<String> read =
        send("auditor", "GET", "/api/reports/" + reportId + "?minPosition=2", null, null, "Sec-Fetch-Site", "cross-site");
    HttpResponse<String> adopted = send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, null,
        "Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin");

    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
  }

  @Test
  void theEmbeddedDefaultListensOnLoopbackOnly() throws Exception {
    assertThat(serverAddress).isEqualTo("127.0.0.1");
    List<InetAddress> outside =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .toList();
    for (InetAddress address : outside) {
      assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress(address, port), 2_000);
            }
          })
          .as("port %d on %s", port, address)
          .isInstanceOf(IOException.class);
    }
  }

  /** Exactly the headers given: no content type unless {@code contentType}, credentials unless user is null. */
  private HttpResponse<String> send(String user, String method, String path, String body, String contentType,
      String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (user != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
