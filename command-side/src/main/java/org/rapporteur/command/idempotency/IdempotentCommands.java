package org.rapporteur.command.idempotency;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;

/**
 * Ties a command to its {@code Idempotency-Key} inside Axon: the gateway copies the request's
 * {@link Attempt} into the command's metadata (once, so that a retry of a lost race keeps it), and
 * the command's unit of work claims the key in the transaction that stores its events. Whichever
 * thread, instance or restart sends the key again, the primary key lets only one of them store
 * events; the others roll back having stored nothing.
 *
 * <p>The interceptors are registered here and are not beans themselves: Axon registers interceptor
 * beans on its own, and a second registration would claim each key twice.
 */
final class IdempotentCommands {

  IdempotentCommands(IdempotencyStore store, CommandGateway gateway, CommandBus bus) {
    gateway.registerDispatchInterceptor(new CarryAttempt());
    bus.registerHandlerInterceptor(new ClaimKey(store));
  }

  private static final class CarryAttempt implements MessageDispatchInterceptor<CommandMessage<?>> {
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
      Attempt attempt = Attempt.CURRENT.get();
      return (index, command) -> attempt == null ? command : command.andMetaData(attempt.metaData());
    }
  }

  private static final class ClaimKey implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final IdempotencyStore store;

    ClaimKey(IdempotencyStore store) {
      this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
      Attempt attempt = Attempt.from(unitOfWork.getMessage().getMetaData());
      if (attempt != null) {
        try {
          store.claim(attempt);
        } catch (DataAccessException taken) {
          // A duplicate key, or a lock wait on another attempt's claim that has not committed yet.
          throw new IdempotencyKeyTakenException(taken);
        }
      }
      return chain.proceed();
    }
  }
}
