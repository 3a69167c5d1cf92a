package org.rapporteur.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 before anything reads it, authentication
 * included: by its {@code Content-Length} when it declares one, and otherwise (chunked) by reading
 * at most one byte past the limit, so a streamed body can never make the server hold more.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      tooLarge(response);
      return;
    }
    if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    Problems.write(
        response, ProblemType.REQUEST_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
  }

  /** The body already read by the filter, served again to whoever reads the request next. */
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
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(new ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
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
