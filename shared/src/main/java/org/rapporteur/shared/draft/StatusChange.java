package org.rapporteur.shared.draft;

import java.time.Instant;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphStatus;

/** A change of a paragraph's status, with who made it and the chair's comment when returned. */
public record StatusChange(
    ParagraphStatus status,
    int revision,
    Actor actor,
    Instant at,
    String comment) {}
