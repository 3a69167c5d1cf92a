package org.rapporteur.embedded.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider in the test's process, on the loopback address: discovery, its key
 * set, an authorization endpoint that signs in whoever the test names next (no page, it redirects
 * back at once with a code) and a token endpoint that trades the code, once, for an ID token and an
 * access token signed with its RSA key. Enough for Spring Security's OAuth2 client and resource
 * server to do with it what they do with a real provider.
 */
final class FakeOidcProvider implements AutoCloseable {

  static final String AUDIENCE = "rapporteur";

  private final HttpServer server;
  private final RSAKey key;
  private final String clientId;
  private final String clientSecret;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private volatile Map<String, Object> nextUser = Map.of();

  private record Grant(Map<String, Object> claims, String nonce, String redirectUri) {}

  FakeOidcProvider(String clientId, String clientSecret) throws IOException, JOSEException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Who the authorization endpoint signs in next: the claims of their tokens. */
  void signInNext(Map<String, Object> claims) {
    this.nextUser = Map.copyOf(claims);
  }

  /** An access token for the API, as the provider issues it to an API client. */
  String accessToken(Map<String, Object> claims) throws JOSEException {
    return sign(claims, AUDIENCE, null);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("issuer", issuer());
    metadata.put("authorization_endpoint", issuer() + "/authorize");
    metadata.put("token_endpoint", issuer() + "/token");
    metadata.put("jwks_uri", issuer() + "/jwks");
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put("scopes_supported", List.of("openid"));
    metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    answer(exchange, 200, json.writeValueAsString(metadata));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    if (!clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
        || query.get("redirect_uri") == null || !query.getOrDefault("scope", "").contains("openid")) {
      answer(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(nextUser, query.get("nonce"), query.get("redirect_uri")));
    String back = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = codes.remove(body.getOrDefault("code", ""));
    if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || grant == null || !"authorization_code".equals(body.get("grant_type")) || !grant.redirectUri().equals(body.get("redirect_uri"))) {
      answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    try {
      Map<String, Object> tokens = new HashMap<>();
      tokens.put("access_token", sign(grant.claims(), AUDIENCE, null));
      tokens.put("token_type", "Bearer");
      tokens.put("expires_in", 300);
      tokens.put("scope", "openid");
      tokens.put("id_token", sign(grant.claims(), clientId, grant.nonce()));
      answer(exchange, 200, json.writeValueAsString(tokens));
    } catch (JOSEException e) {
      throw new IOException(e);
    }
  }

  private String sign(Map<String, Object> claims, String audience, String nonce) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer()).audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    claims.forEach(set::claim);
    if (nonce != null) {
      set.claim("nonce", nonce);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
