package org.rapporteur.web;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions kept in one database every instance of both sides reaches, so that behind the front door a session
 * signed in on the query side (pages, OpenID Connect sign-in) is found by the command side when the
 * application writes (docs/adr/0012). Tables {@code SPRING_SESSION} and {@code
 * SPRING_SESSION_ATTRIBUTES}, created by each side's migrations. Where the sides keep their data in
 * databases of their own (the production topology), {@code rapporteur.web.session-datasource.url}
 * points every instance at the one that holds the sessions, the command side's. The embedded
 * default, one process, keeps its sessions in memory.
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

  /**
   * The session store's own pool, used by Spring Session only: not a default candidate, so the
   * side's own data source stays the one every other bean (Flyway, Axon, the projections) gets.
   */
  @Bean(defaultCandidate = false, destroyMethod = "close")
  @SpringSessionDataSource
  @ConditionalOnExpression("!'${rapporteur.web.session-datasource.url:}'.isBlank()")
  DataSource sessionDataSource(
      @Value("${rapporteur.web.session-datasource.url}") String url,
      @Value("${rapporteur.web.session-datasource.username:${spring.datasource.username:}}") String username,
      @Value("${rapporteur.web.session-datasource.password:${spring.datasource.password:}}") String password) {
    HikariDataSource sessions = new HikariDataSource();
    sessions.setPoolName("sessions");
    sessions.setJdbcUrl(url);
    sessions.setUsername(username);
    sessions.setPassword(password);
    // A session read or write per browser request, never a long transaction.
    sessions.setMaximumPoolSize(4);
    return sessions;
  }
}
