package org.rapporteur.shared.draft;

/**
 * A run of text that is the same in both revisions, or only in the new one, or only in the old
 * one.
 */
public record DiffSegment(
    Operation op,
    String text) {

  /** Whether the text is kept, inserted or deleted. */
  public enum Operation {
    EQUAL,
    INSERT,
    DELETE
  }
}
