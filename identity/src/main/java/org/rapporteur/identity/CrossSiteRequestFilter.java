package org.rapporteur.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sent on behalf of another site, before anyone
 * authenticates it: HTTP Basic credentials are resent by the browser to any page that asks, so a
 * page elsewhere could otherwise adopt a report in a delegate's name with a "simple" form post.
 *
 * <p>Browsers mark such requests: {@code Sec-Fetch-Site: cross-site} or {@code same-site}, and an
 * {@code Origin} that is not the API's own. API clients send neither header and pass. The API's own
 * origin is the request's scheme, host and port, which Tomcat takes from {@code X-Forwarded-*}
 * only when the request comes from a configured proxy ({@code server.tomcat.remoteip.internal-proxies}).
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Set<String> allowedOrigins;

  CrossSiteRequestFilter(Collection<String> allowedOrigins) {
    this.allowedOrigins =
        allowedOrigins.stream()
            .map(CrossSiteRequestFilter::normalized)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
      Problems.write(
          response, ProblemType.CROSS_SITE_REQUEST, "A browser sent this request from another site; it changed nothing.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean crossSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    String normalized = origin == null ? null : normalized(origin);
    if (normalized != null && (normalized.equals(ownOrigin(request)) || allowedOrigins.contains(normalized))) {
      return false;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
      return true;
    }
    // "null" (a sandboxed page, a redirect across sites) and any other origin are not ours.
    return origin != null;
  }

  private static String ownOrigin(HttpServletRequest request) {
    return origin(request.getScheme(), request.getServerName(), request.getServerPort());
  }

  /** scheme://host[:port] in lower case, without the scheme's default port; "" when not an origin. */
  static String normalized(String origin) {
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
    return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
