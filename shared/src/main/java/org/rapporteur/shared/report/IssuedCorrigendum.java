package org.rapporteur.shared.report;

/**
 * What issuing a corrigendum answers: its id, its number, its symbol (null when the report has
 * none) and the report's position after it.
 */
public record IssuedCorrigendum(String corrigendumId, int number, String symbol, long position) {}
