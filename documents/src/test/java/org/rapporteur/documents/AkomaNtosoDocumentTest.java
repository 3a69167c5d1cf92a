package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.ReportStatus;

class AkomaNtosoDocumentTest {

  private final String draft = AkomaNtosoDocument.render(TestDrafts.chinese(ReportStatus.DRAFT));
  private final String adopted = AkomaNtosoDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED));

  @Test
  void workIriFollowsAkn4unWithTheSymbolAsNumber() {
    assertThat(draft)
        .contains("<FRBRuri value=\"/akn/un/debateReport/meetingReport/un-a-ac.105/2021-12-14/A-AC.105-1260\"/>")
        .contains("<FRBRnumber value=\"A-AC.105-1260\" showAs=\"A/AC.105/1260\"/>")
        .contains("<FRBRlanguage language=\"zho\"/>");
  }

  @Test
  void aReportWithoutSymbolIsNumberedByItsId() {
    String en = AkomaNtosoDocument.render(TestDrafts.english());
    assertThat(en).contains("<FRBRnumber value=\"un-space-40-en\" showAs=\"un-space-40-en\"/>").contains("<FRBRlanguage language=\"eng\"/>");
  }

  @Test
  void paragraphsCarryPositionalEidAndStableWid() {
    assertThat(draft)
        .contains("<paragraph eId=\"para_5\" wId=\"p-5\" class=\"paragraph\">")
        .contains("<paragraph eId=\"para_4\" wId=\"d-1\" class=\"decision\">")
        .contains("<paragraph eId=\"para_6\" wId=\"p-6\" class=\"paragraph draft\">")
        .doesNotContain("p-gone");
  }

  @Test
  void adoptionIsAWorkflowStepOnlyOnceAdopted() {
    assertThat(draft).doesNotContain("<workflow");
    assertThat(adopted).contains("<step date=\"2021-12-14\" by=\"#person_pt-1\" as=\"#role_chair\" outcome=\"#adopted\"/>").doesNotContain(" draft\"");
  }

  @Test
  void symbolsAreRefsAndTheAgendaIsABlockList() {
    assertThat(draft)
        .contains("<ref href=\"https://undocs.org/A/76/20\">A/76/20</ref>")
        .containsOnlyOnce("<blockList eId=\"para_3__list_1\" class=\"agenda\">")
        .doesNotContain("{agenda}");
  }

  @Test
  void participantsAreReferencedFromTheAttachment() {
    assertThat(draft)
        .contains("<TLCPerson eId=\"person_pt-3\" href=\"/akn/ontology/persons/un/pt-3\" showAs=\"K. Asfaw\"/>")
        .contains("<doc name=\"listOfParticipants\">")
        .contains("<person refersTo=\"#person_pt-1\" as=\"#role_chair\">N. Hedman</person>");
  }

  @Test
  void theFootnoteSitsWhereItsMarkerStands() {
    assertThat(draft).contains("<p>临时议程<authorialNote marker=\"*\" placement=\"bottom\" eId=\"fnt_1\">");
  }
}
