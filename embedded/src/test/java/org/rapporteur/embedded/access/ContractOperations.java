package org.rapporteur.embedded.access;

import java.util.List;

/**
 * Every method and path of the command, query and operations tables of API.md (version 1, 1.1's
 * members, the adoption session and corrigenda, and the verification of 1.1's record integrity), copied
 * by hand: the OpenAPI description must name each of them. {@code /actuator/health} is Spring
 * Boot's, outside the API description.
 */
final class ContractOperations {

  static final List<String> ALL =
      List.of(
          "POST /api/reports",
          "POST /api/reports/{r}/agenda-items",
          "PUT /api/reports/{r}/agenda-items/{i}",
          "DELETE /api/reports/{r}/agenda-items/{i}",
          "POST /api/reports/{r}/agenda/adoption",
          "POST /api/reports/{r}/sections",
          "POST /api/reports/{r}/participants",
          "DELETE /api/reports/{r}/participants/{p}",
          "POST /api/reports/{r}/paragraphs",
          "PUT /api/reports/{r}/paragraphs/{p}",
          "POST /api/reports/{r}/paragraphs/{p}/submission",
          "POST /api/reports/{r}/paragraphs/{p}/approval",
          "POST /api/reports/{r}/paragraphs/{p}/return",
          "DELETE /api/reports/{r}/paragraphs/{p}",
          "POST /api/reports/{r}/decisions",
          "POST /api/reports/{r}/decisions/{d}/adoption",
          "POST /api/reports/{r}/adoption",
          "POST /api/reports/{r}/members",
          "DELETE /api/reports/{r}/members/{e}",
          "GET /api/reports",
          "GET /api/reports/{r}",
          "GET /api/reports/{r}/document.html",
          "GET /api/reports/{r}/document.md",
          "GET /api/reports/{r}/document.xml",
          "GET /api/reports/{r}/audit",
          "GET /api/reports/{r}/paragraphs/{p}/history",
          "GET /api/approvals/pending",
          "GET /api/reports/{r}/members",
          "GET /api/reports/{r}/verification",
          "POST /api/reports/{r}/session",
          "POST /api/reports/{r}/paragraphs/{p}/oral-amendments",
          "POST /api/reports/{r}/paragraphs/{p}/oral-amendments/{a}/acceptance",
          "POST /api/reports/{r}/paragraphs/{p}/brackets",
          "POST /api/reports/{r}/paragraphs/{p}/session-adoption",
          "POST /api/reports/{r}/confirmation",
          "POST /api/reports/{r}/corrigenda",
          "GET /api/reports/{r}/corrigenda/{n}/document.html",
          "GET /api/reports/{r}/corrigenda/{n}/document.md",
          "GET /api/reports/{r}/corrigenda/{n}/document.xml",
          "POST /api/admin/projections/rebuild",
          "GET /api/admin/projections/rebuild/{rebuildId}");

  private ContractOperations() {}
}
