package org.rapporteur.command.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.command.report.ReportFixtures.*;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.SubmitParagraph;

/**
 * A snapshot is the aggregate serialised by field with the wiring's Jackson settings; a report
 * read back from one must keep enforcing the rules that depend on its state.
 */
class ReportSnapshotTest {

  private static final String REVISED = "The meeting was held online from 20 to 21 August 2020.";

  @Test
  void reportRestoredFromASnapshotStillRejectsAStaleRevisionWithTheCurrentText() {
    Report restored = roundTrip(reportWithParagraphAtRevisionTwo());

    newFixture()
        .givenState(() -> restored)
        .when(new ReviseParagraph(REPORT, PARA, "An edit of revision 1.", 1, ITU))
        .expectNoEvents()
        .expectException(Violations.staleAt(2, REVISED));
  }

  @Test
  void reportRestoredFromASnapshotStillKnowsWhoseParagraphItIs() {
    Report restored = roundTrip(reportWithParagraphAtRevisionTwo());

    newFixture()
        .givenState(() -> restored)
        .when(new SubmitParagraph(REPORT, PARA, WMO))
        .expectException(Violations.forbidden("not-author-entity"));
  }

  /** The aggregate as the fixture left it after replaying and handling real events. */
  private static Report reportWithParagraphAtRevisionTwo() {
    AtomicReference<Report> built = new AtomicReference<>();
    newFixture()
        .given(concat(ituParagraph(), member(WMO)))
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, ITU))
        .expectSuccessfulHandlerExecution()
        .expectState(built::set);
    return built.get();
  }

  private static Report roundTrip(Report report) {
    ObjectMapper mapper =
        ReportEventJson.newObjectMapper()
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    SerializedObject<String> snapshot = serializer.serialize(report, String.class);
    // the state really travels through JSON, keyed by the raw paragraph id
    assertThat(snapshot.getData()).contains("\"para-1\"", REVISED);
    return serializer.deserialize(snapshot);
  }
}
