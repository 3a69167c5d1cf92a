package org.rapporteur.command.idempotency;

/**
 * Another attempt with the same {@code Idempotency-Key} claimed it first: this command stores
 * nothing, and the filter answers with the other attempt's answer instead.
 */
final class IdempotencyKeyTakenException extends RuntimeException {

  IdempotencyKeyTakenException(Throwable cause) {
    super("another attempt holds this Idempotency-Key", cause);
  }
}
