package org.rapporteur.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions kept in the database both sides share, so that behind the front door a session
 * signed in on the query side (pages, OpenID Connect sign-in) is found by the command side when the
 * application writes (docs/adr/0012). Tables {@code SPRING_SESSION} and {@code
 * SPRING_SESSION_ATTRIBUTES}, created by each side's migrations. The embedded default, one process,
 * keeps its sessions in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapporteur.web.session-store", havingValue = "jdbc")
@EnableJdbcHttpSession
class SharedSessions {

  /** The same cookie as the embedded default's: HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET). */
  @Bean
  CookieSerializer sessionCookie() {
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName("JSESSIONID");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    // Base64 ids would differ from the servlet container's plain ones for no gain.
    cookie.setUseBase64Encoding(false);
    return cookie;
  }
}
