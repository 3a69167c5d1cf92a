package org.rapporteur.shared.draft;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A numbered unit of a section: a paragraph or a decision. Both share one numbering, continuous
 * across the report; a withdrawn unit has no number.
 *
 * <p>JSON tells them apart by their fields ({@code paragraphId} or {@code decisionId}); no type
 * property is written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ParagraphUnit.class), @JsonSubTypes.Type(DecisionUnit.class)})
public sealed interface DraftUnit permits ParagraphUnit, DecisionUnit {

  Integer number();

  /** "bis", "ter" ... for a unit inserted in the adoption session; null otherwise. */
  default String numberSuffix() {
    return null;
  }

  String text();

  String authorEntity();
}
