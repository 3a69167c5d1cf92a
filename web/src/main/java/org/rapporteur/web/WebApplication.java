package org.rapporteur.web;

import org.rapporteur.identity.BrowserSessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web application: two static pages (sign-in and the application) and their scripts under
 * {@code /web/}, served by whichever process imports this configuration; the pages call {@code
 * /api} with the browser session that {@link BrowserSessionSecurity} signs in.
 */
@Configuration(proxyBeanMethods = false)
@Import({BrowserSessionSecurity.class, SharedSessions.class})
public class WebApplication {

  @Bean
  WebMvcConfigurer webApplicationPages() {
    return new WebMvcConfigurer() {
      @Override
      public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app");
        registry.addViewController("/app").setViewName("forward:/web/app.html");
        registry.addViewController("/sign-in").setViewName("forward:/web/sign-in.html");
      }
    };
  }
}
