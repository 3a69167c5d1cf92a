package org.rapporteur.documents;

/**
 * What a rendition was rendered from: the report's position and the hash chain's head there (API.md
 * 1.1), so that a reader can check the text against the record. A rendition states it in a visible
 * line (HTML, Markdown) or in its metadata (Akoma Ntoso).
 *
 * @param headHash the hash of the event at {@code position}; null for an event published before
 *     the chain existed
 */
public record Provenance(long position, String headHash) {

  /** The line a reader sees. */
  String line() {
    return "Rendered from position " + position + " of the record, head hash "
        + (headHash == null ? "(none: recorded before the hash chain)" : headHash) + ".";
  }
}
