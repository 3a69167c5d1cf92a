package org.rapporteur.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.rapporteur.command.idempotency.IdempotencyStore.Answer;
import org.rapporteur.command.idempotency.IdempotencyStore.Stored;
import org.rapporteur.identity.Problems;
import org.rapporteur.identity.RapporteurPrincipal;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the commands of {@code /api/reports}: the first attempt runs and its
 * answer is stored before it is sent; a retry with the same key, from the same user, for the same
 * request gets that answer again (status, body, {@code Location}) with
 * {@code Idempotent-Replayed: true}, and no second event. The same key with another request is
 * refused with 422. Runs after authentication: keys are scoped per user.
 *
 * <p>Answers below 500 are kept, refusals included (they changed nothing, and say so again); a 5xx
 * is not, so a retry runs the command again. A retry that arrives while the first attempt still
 * runs waits for its answer, up to {@code rapporteur.idempotency.answer-wait}.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final long PURGE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final IdempotencyStore store;
  private final Duration answerWait;
  private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

  IdempotencyFilter(IdempotencyStore store, Duration answerWait) {
    this.store = store;
    this.answerWait = answerWait;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HEADER) == null
        || !COMMAND_METHODS.contains(request.getMethod())
        || !request.getRequestURI().startsWith("/api/reports");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    Optional<String> user = user();
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      Problems.write(response, ProblemType.INVALID_IDEMPOTENCY_KEY, "An Idempotency-Key is 1 to 255 visible ASCII characters.");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Attempt attempt = Attempt.of(user.get(), key, fingerprint(request, body));

    Optional<Stored> earlier = store.find(attempt.user(), key);
    if (earlier.isPresent()) {
      answerFromEarlier(attempt, earlier, response);
      return;
    }
    store.forgetExpired(attempt.user(), key);

    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    BufferedBody replayable = new BufferedBody(request, body);
    Attempt.CURRENT.set(attempt);
    try {
      chain.doFilter(replayable, captured);
    } finally {
      Attempt.CURRENT.remove();
    }
    if (replayable.getAttribute(IdempotencyKeyTakenResolver.TAKEN) != null) {
      // A concurrent attempt claimed the key while this one ran; its answer is the one to give.
      captured.reset();
      answerFromEarlier(attempt, awaitRow(attempt), response);
      return;
    }
    Answer answer = new Answer(
        captured.getStatus(), captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
        captured.getContentAsByteArray());
    Optional<Stored> claim = store.find(attempt.user(), key);
    if (claim.isPresent() && claim.get().attempt().equals(attempt.id())) {
      store.answer(attempt, answer);
    } else if (claim.isPresent()) {
      captured.reset();
      answerFromEarlier(attempt, claim, response);
      return;
    } else if (answer.status() < 500) {
      try {
        store.claimAnswered(attempt, answer);
      } catch (DataAccessException taken) {
        captured.reset();
        answerFromEarlier(attempt, awaitRow(attempt), response);
        return;
      }
    }
    captured.copyBodyToResponse();
    purgeNowAndThen();
  }

  /** Answers as the attempt that holds the key did, once it has answered; {@code earlier} its row, if found. */
  private void answerFromEarlier(Attempt attempt, Optional<Stored> earlier, HttpServletResponse response)
      throws IOException {
    if (earlier.isPresent() && !earlier.get().fingerprint().equals(attempt.fingerprint())) {
      Problems.write(response, ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used for another request (method, path or body); use a new key.");
      return;
    }
    Optional<Stored> answered = earlier.isEmpty() || earlier.get().answered() ? earlier : awaitAnswer(attempt);
    if (answered.isEmpty()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      Problems.write(response, ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
          "A request with this Idempotency-Key is still running; ask again to get its answer.");
      return;
    }
    Answer answer = answered.get().answer();
    response.setStatus(answer.status());
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    if (answer.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answer.location());
    }
    response.setHeader(REPLAYED, "true");
    byte[] body = answer.body() == null ? new byte[0] : answer.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The row of the attempt that holds the key, once its transaction has committed. */
  private Optional<Stored> awaitRow(Attempt attempt) {
    return await(attempt, row -> true);
  }

  /** The first attempt stores its answer right after its transaction: moments, unless it died. */
  private Optional<Stored> awaitAnswer(Attempt attempt) {
    return await(attempt, Stored::answered);
  }

  private Optional<Stored> await(Attempt attempt, Predicate<Stored> ready) {
    Optional<Stored> row = store.find(attempt.user(), attempt.key());
    long deadline = System.nanoTime() + answerWait.toNanos();
    long pause = 5;
    while (row.isEmpty() || !ready.test(row.get())) {
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      pause = Math.min(100, pause * 2);
      row = store.find(attempt.user(), attempt.key());
    }
    return row;
  }

  private void purgeNowAndThen() {
    long last = lastPurge.get();
    long now = System.nanoTime();
    if (now - last >= PURGE_EVERY_NANOS && lastPurge.compareAndSet(last, now)) {
      store.purge();
    }
  }

  private static Optional<String> user() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof RapporteurPrincipal principal
        ? Optional.of(principal.actor().user())
        : Optional.empty();
  }

  private static String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String query = request.getQueryString() == null ? "" : request.getQueryString();
      sha.update((request.getMethod() + '\n' + request.getRequestURI() + '\n' + query + '\n')
          .getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The body this filter read, served again to the controller. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is read synchronously");
        }
      };
    }
  }
}
