package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The chair put a paragraph in square brackets: the meeting has not agreed its text, and the
 * report cannot be adopted until it is adopted or deleted.
 */
public record ParagraphBracketed(
    ReportId reportId, ParagraphId paragraphId, int revision, Actor actor, Instant at)
    implements ParagraphEvent {}
