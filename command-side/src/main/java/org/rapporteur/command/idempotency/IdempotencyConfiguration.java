package org.rapporteur.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code Idempotency-Key} on commands: the filter, the store and the hooks into Axon. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

  @Bean
  IdempotencyStore idempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
    return new IdempotencyStore(jdbc, properties.retention());
  }

  @Bean
  IdempotentCommands idempotentCommands(IdempotencyStore store, CommandGateway gateway, CommandBus bus) {
    return new IdempotentCommands(store, gateway, bus);
  }

  @Bean
  IdempotencyKeyTakenResolver idempotencyKeyTakenResolver() {
    return new IdempotencyKeyTakenResolver();
  }

  /** After Spring Security's filters (order -100): keys are scoped per authenticated user. */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, IdempotencyProperties properties) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(store, properties.answerWait()));
    registration.setOrder(0);
    return registration;
  }
}
