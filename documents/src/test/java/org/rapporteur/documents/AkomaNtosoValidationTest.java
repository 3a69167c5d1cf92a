package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.report.ReportStatus;

/** Every rendered report must be valid Akoma Ntoso 3.0, checked against the OASIS schema offline. */
class AkomaNtosoValidationTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    // No network: the schema imports ./xml.xsd, which sits beside it in the test resources.
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    URL xsd = AkomaNtosoValidationTest.class.getResource("/akn/akomantoso30.xsd");
    schema = factory.newSchema(xsd);
  }

  private static void assertValid(ReportDraft draft) {
    assertValid(AkomaNtosoDocument.render(draft));
  }

  private static void assertValid(String xml) {
    Validator validator = schema.newValidator();
    assertThatCode(() -> validator.validate(new StreamSource(new StringReader(xml))))
        .as("Akoma Ntoso output must validate:%n%s", xml)
        .doesNotThrowAnyException();
  }

  @Test
  void chineseDraftReportValidates() {
    assertValid(TestDrafts.chinese(ReportStatus.DRAFT));
  }

  @Test
  void chineseAdoptedReportWithWorkflowStepValidates() {
    assertValid(TestDrafts.chinese(ReportStatus.ADOPTED));
  }

  @Test
  void englishReportWithoutSymbolValidates() {
    assertValid(TestDrafts.english());
  }

  @Test
  void justCreatedEmptyReportValidates() {
    assertValid(TestDrafts.justCreated());
  }

  @Test
  void theRecordARenditionWasRenderedFromIsNamedInValidMetadata() {
    String hash = "ab".repeat(32);
    String xml = AkomaNtosoDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED), new Provenance(42, hash));

    assertThat(xml).contains("<proprietary source=\"#rapporteur\">")
        .contains("<rapporteur:record xmlns:rapporteur=\"urn:rapporteur:record\" position=\"42\" headHash=\"" + hash + "\"/>");
    assertValid(xml);
  }

  @Test
  void schemaRejectsWhatIsNotAkomaNtoso() {
    // Guards the guard: a schema that accepted anything would make the tests above meaningless.
    String xml = "<akomaNtoso xmlns=\"" + AkomaNtosoDocument.NAMESPACE + "\"><debateReport name=\"x\"/></akomaNtoso>";
    assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
        .isInstanceOf(org.xml.sax.SAXException.class);
  }
}
