package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The paragraph endpoints of API.md over HTTP: what each answers, and what each refuses. */
class ParagraphCommandsTest extends CommandApiTest {

  @Test
  void draftingAnswers201WithTheParagraphRevisionOneAndLocation() throws Exception {
    String r = newReport();
    String s = section(r);
    HttpResponse<String> drafted =
        http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + s + "\",\"text\":\"Opening.\"}");
    assertThat(drafted.statusCode()).isEqualTo(201);
    JsonNode body = json(drafted);
    assertThat(body.get("revision").asInt()).isEqualTo(1);
    assertThat(body.get("position").asLong()).isEqualTo(CREATED + 2);
    assertThat(drafted.headers().firstValue("Location"))
        .hasValue("/api/reports/" + r + "/paragraphs/" + body.get("paragraphId").asText());
  }

  @Test
  void draftingWithoutTextIsAnInvalidField() throws Exception {
    String r = newReport();
    invalidField(http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + section(r) + "\"}"), "text");
  }

  @Test
  void draftingIntoASectionOfAnotherReportIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    section(r);
    String foreignSection = section(newReport());
    assertThat(problem(
        http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + foreignSection + "\",\"text\":\"x\"}"),
        400, "unknown-reference").get("field").asText()).isEqualTo("sectionId");
    assertChangedNothing(r, CREATED + 1);
  }

  @Test
  void draftingTextWithANulCharacterIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    String s = section(r);
    JsonNode refused = problem(
        http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + s + "\",\"text\":\"a\\u0000b\"}"),
        400, "invalid-character");
    assertThat(refused.get("detail").asText()).contains("U+0000");
    assertThat(refused.get("field").asText()).isEqualTo("text");
    assertChangedNothing(r, CREATED + 1);
  }

  @Test
  void anAuditorMayNotDraft() throws Exception {
    String r = newReport();
    problem(
        http().post("auditor", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + section(r) + "\",\"text\":\"x\"}"),
        403, "forbidden-role");
  }

  @Test
  void draftingIntoAnAdoptedReportIsAConflict() throws Exception {
    String r = newReport();
    String s = section(r);
    assertThat(http().post("chair", "/api/reports/" + r + "/adoption", null).statusCode()).isEqualTo(200);
    problem(http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + s + "\",\"text\":\"x\"}"), 409, "report-adopted");
  }

  @Test
  void revisingOnTheCurrentRevisionAnswersTheNextRevision() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    HttpResponse<String> revised = http().put("itu", "/api/reports/" + r + "/paragraphs/" + p, "{\"text\":\"Revised.\",\"baseRevision\":1}");
    assertThat(revised.statusCode()).isEqualTo(200);
    assertThat(json(revised).get("revision").asInt()).isEqualTo(2);
    assertThat(json(revised).get("position").asLong()).isEqualTo(CREATED + 3);
  }

  @Test
  void aStaleRevisionIsAConflictCarryingTheCurrentRevisionAndTextAndChangesNothing() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    http().put("itu", "/api/reports/" + r + "/paragraphs/" + p, "{\"text\":\"Revised.\",\"baseRevision\":1}");
    JsonNode stale =
        problem(http().put("itu", "/api/reports/" + r + "/paragraphs/" + p, "{\"text\":\"Other.\",\"baseRevision\":1}"), 409, "stale-revision");
    assertThat(stale.get("currentRevision").asInt()).isEqualTo(2);
    assertThat(stale.get("currentText").asText()).isEqualTo("Revised.");
    assertChangedNothing(r, CREATED + 3);
  }

  @Test
  void revisingWithoutBaseRevisionIsAnInvalidField() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    invalidField(http().put("itu", "/api/reports/" + r + "/paragraphs/" + p, "{\"text\":\"Revised.\"}"), "baseRevision");
  }

  @Test
  void anotherEntityMayNotReviseAParagraph() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().put("wmo", "/api/reports/" + r + "/paragraphs/" + p, "{\"text\":\"Mine.\",\"baseRevision\":1}"), 403, "not-author-entity");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void aParagraphOfAnotherReportIsNotFound() throws Exception {
    String r = newReport();
    String other = newReport();
    String foreign = paragraph(other, section(other), "itu");
    problem(http().put("itu", "/api/reports/" + r + "/paragraphs/" + foreign, "{\"text\":\"x\",\"baseRevision\":1}"), 404, "unknown-paragraph");
    problem(http().post("itu", "/api/reports/" + r + "/paragraphs/" + foreign + "/submission", null), 404, "unknown-paragraph");
    problem(http().post("chair", "/api/reports/" + r + "/paragraphs/" + foreign + "/approval", "{\"revision\":1}"), 404, "unknown-paragraph");
    problem(http().post("chair", "/api/reports/" + r + "/paragraphs/" + foreign + "/return", "{\"comment\":\"x\"}"), 404, "unknown-paragraph");
    problem(http().send("itu", "DELETE", "/api/reports/" + r + "/paragraphs/" + foreign, null), 404, "unknown-paragraph");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void submittingADraftAnswersThePosition() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    assertThat(positionOf(http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", null))).isEqualTo(CREATED + 3);
  }

  @Test
  void submittingTakesAnEmptyObjectButRefusesAFieldByNameAndChangesNothing() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    JsonNode refused = problem(
        http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", "{\"status\":\"APPROVED\"}"),
        400, "unknown-field");
    assertThat(refused.get("field").asText()).isEqualTo("status");
    assertChangedNothing(r, CREATED + 2);
    assertThat(positionOf(http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", "{}"))).isEqualTo(CREATED + 4);
  }

  @Test
  void submittingTwiceIsAConflict() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", null);
    problem(http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", null), 409, "paragraph-not-submittable");
    assertChangedNothing(r, CREATED + 3);
  }

  @Test
  void anotherEntityMayNotSubmit() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().post("wmo", "/api/reports/" + r + "/paragraphs/" + p + "/submission", null), 403, "not-author-entity");
  }

  @Test
  void theChairApprovesTheCurrentRevision() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    assertThat(positionOf(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{\"revision\":1}"))).isEqualTo(CREATED + 3);
  }

  @Test
  void approvingARevisionThatIsNotCurrentIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{\"revision\":2}"), 409, "revision-not-current");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void approvingWithoutRevisionIsAnInvalidField() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    invalidField(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{}"), "revision");
  }

  @Test
  void aDelegateMayNotApprove() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{\"revision\":1}"), 403, "forbidden-role");
  }

  @Test
  void theChairReturnsASubmittedParagraph() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    http().post("itu", "/api/reports/" + r + "/paragraphs/" + p + "/submission", null);
    assertThat(positionOf(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/return", "{\"comment\":\"Shorter.\"}"))).isEqualTo(CREATED + 4);
  }

  @Test
  void returningADraftIsAConflict() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/return", "{\"comment\":\"x\"}"), 409, "paragraph-not-submitted");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void returningWithoutCommentIsAnInvalidField() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    invalidField(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/return", "{}"), "comment");
  }

  @Test
  void aDelegateMayNotReturn() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().post("wmo", "/api/reports/" + r + "/paragraphs/" + p + "/return", "{\"comment\":\"x\"}"), 403, "forbidden-role");
  }

  @Test
  void theAuthorsEntityWithdrawsItsParagraph() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    assertThat(positionOf(http().send("itu", "DELETE", "/api/reports/" + r + "/paragraphs/" + p, null))).isEqualTo(CREATED + 3);
    problem(http().send("itu", "DELETE", "/api/reports/" + r + "/paragraphs/" + p, null), 409, "paragraph-withdrawn");
    assertChangedNothing(r, CREATED + 3);
  }

  @Test
  void anotherEntityMayNotWithdraw() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    problem(http().send("wmo", "DELETE", "/api/reports/" + r + "/paragraphs/" + p, null), 403, "not-author-entity");
  }
}
